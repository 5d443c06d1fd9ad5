package se.fragafacket.understand;

import java.util.List;

import se.fragafacket.search.Language;

/**
 * What a member's message asks, once the chatter around it is set aside.
 *
 * @param questions the question(s) it asks, cleaned (greetings, thanks, sign-offs, emoji and remarks about
 *                  oneself removed); empty when it asks nothing (small talk)
 * @param smallTalk what kind of small talk it is, when it asks nothing of the documents; else null
 * @param language  the language of the chatter when that tells more than the question (a bare "Hei!"), else null
 */
public record Understood(List<String> questions, SmallTalk smallTalk, Language language) {

    public Understood {
        questions = List.copyOf(questions);
    }

    /** Greetings, thanks, "what can you do?": nothing for the documents to answer. */
    public boolean isSmallTalk() {
        return smallTalk != null;
    }

    /** The whole cleaned question: the parts joined, as retrieval and a model should read it. */
    public String cleaned() {
        return String.join(" ", questions);
    }

    /** The kinds of message that ask nothing of the documents. */
    public enum SmallTalk {
        GREETING, THANKS, CAPABILITIES
    }
}
