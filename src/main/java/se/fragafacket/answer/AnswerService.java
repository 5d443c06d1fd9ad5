package se.fragafacket.answer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import se.fragafacket.answer.extract.Coreference;
import se.fragafacket.answer.extract.QuestionAnalysis;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;
import se.fragafacket.understand.MessageUnderstanding;
import se.fragafacket.understand.SmallTalkReplies;
import se.fragafacket.understand.Understood;

/**
 * The one entry point every channel calls: a member's message within a conversation in, an answer with
 * its sources — or plainly none, with the help line — out.
 */
@Service
public class AnswerService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnswerService.class);

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    /** Only spaces of any kind (no-break, thin, ideographic), invisible format characters (zero-width, BOM) and controls. */
    private static final Pattern NOTHING_SHOWN = Pattern.compile("[\\p{Z}\\s\\p{Cf}\\p{Cc}]*");

    private final KnowledgeIndex index;
    private final Analysis analysis;
    private final Answerer answerer;
    private final Conversations conversations;
    private final Prompts prompts;
    private final AnswerProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageUnderstanding understanding;

    AnswerService(KnowledgeIndex index, Analysis analysis, Answerer answerer, Conversations conversations,
                  Prompts prompts, AnswerProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.index = index;
        this.analysis = analysis;
        this.answerer = answerer;
        this.conversations = conversations;
        this.prompts = prompts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.understanding = new MessageUnderstanding(text -> analysis.queryTerms(text, Language.detect(text)).size());
    }

    /**
     * Answers a message.
     *
     * @param message        the member's words
     * @param conversationId an earlier reply's conversation to continue, or null to start one
     * @param channel        where it was asked, for statistics
     * @param tokens         receives the answer's text in pieces as it is produced
     * @throws InvalidQuestionException when the message cannot be asked; nothing is recorded then
     */
    public Reply ask(String message, String conversationId, String channel, Consumer<String> tokens) {
        String question = validated(message);
        if (conversationId != null && !CONVERSATION_ID.matcher(conversationId).matches()) {
            throw new InvalidQuestionException("Ogiltigt conversationId. (conversationId must be 1–100 letters, digits or -_.:)");
        }
        String conversation = conversationId == null ? UUID.randomUUID().toString() : conversationId;
        // each channel has its own conversations: a web client cannot read or steer a Telegram chat's
        String memory = Conversations.key(channel, conversation);
        List<Conversations.Turn> history = conversations.turns(memory);
        // what the message asks, without greetings, thanks, sign-offs and remarks about oneself
        Understood understood = understanding.read(question);
        Language language = understood.isSmallTalk() ? language(understood, question) : index.detect(understood.cleaned());
        Answer answer;
        if (QuestionGuard.isManipulation(question)) {
            answer = new Answer.NotFound(prompts.noAnswer(language), Answer.Reason.REFUSED);
            tokens.accept(answer.text());
        } else if (understood.isSmallTalk()) {
            answer = smallTalk(understood, language);
            tokens.accept(answer.text());
        } else {
            answer = answerParts(understood.questions(), language, history, tokens);
        }
        String messageId = UUID.randomUUID().toString();
        var turn = new Conversations.Turn(understood.isSmallTalk() ? question : understood.cleaned(), answer.text(),
                answer.answered(), answer.sources().stream().map(Source::documentId).toList(), clock.instant());
        conversations.add(memory, turn);
        events.publishEvent(new QuestionAnswered(conversation, messageId, channel, question, answer.answered(),
                answer.text(), turn.documentIds(), turn.at(), understood.isSmallTalk()));
        return new Reply(conversation, messageId, answer);
    }

    /**
     * Each part of a message answered in turn, a later part with the earlier ones as its conversation (so
     * "och vilket nummer har han?" knows who); one answer from the parts answered, saying which part was not.
     */
    private Answer answerParts(List<String> parts, Language language, List<Conversations.Turn> history,
                               Consumer<String> tokens) {
        List<Conversations.Turn> seen = new java.util.ArrayList<>(history);
        List<Answer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            // words put right against the knowledge base's vocabulary: å/ä/ö, typos
            String part = index.respell(parts.get(i), parts.size() == 1 ? language : index.detect(parts.get(i)));
            Language partLanguage = index.detect(part);
            log.debug("Asked '{}', searched as '{}' ({})", parts.get(i), part, partLanguage);
            StringBuilder streamed = new StringBuilder();
            Answer answer = respond(part, partLanguage, seen, parts.size() == 1 ? tokens : streamed::append, false)
                    .answer();
            answers.add(answer);
            seen.add(new Conversations.Turn(part, answer.text(), answer.answered(),
                    answer.sources().stream().map(Source::documentId).toList(), clock.instant()));
        }
        if (answers.size() == 1) {
            return answers.get(0);
        }
        Answer combined = MultiPartAnswers.combine(parts, answers, language, prompts.noAnswer(language));
        tokens.accept(combined.text());
        return combined;
    }

    private Answer smallTalk(Understood understood, Language language) {
        List<String> titles = index.documents().stream().map(d -> d.displayTitle()).toList();
        return new Answer.NotFound(SmallTalkReplies.reply(understood.smallTalk(), language, titles,
                properties.helpLine()), Answer.Reason.SMALL_TALK);
    }

    /** The language of a message that is only chatter: its greeting's, else as detected. */
    private Language language(Understood understood, String message) {
        return understood.language() != null ? understood.language() : index.detect(message);
    }

    /** The language a member's message is written in, as answering reads it (for a channel's own labels). */
    public Language languageOf(String message) {
        return index.detect(message);
    }

    /**
     * What a question would get, the passages retrieved for it, and — from the extractive answerer — each
     * candidate sentence's features and the reason for the decision (null with a model).
     *
     * @param ideas per passage language, the question's ideas as searched and judged: each idea's alternatives
     *              (stems) with its weight, so staff can see which words of the question reached the documents
     */
    public record Trial(Answer answer, List<Passage> passages, se.fragafacket.answer.extract.Decision decision,
                        Map<Language, List<se.fragafacket.search.TermGroup>> ideas) {
    }

    /**
     * Answers a question outside any conversation and records nothing, showing the passages retrieved with
     * their scores, so staff can see why it answers as it does.
     */
    public Trial trial(String message) {
        return trial(message, List.of());
    }

    /** The same, after earlier turns of a conversation held only for this trial (the fitting command's follow-ups). */
    public Trial trial(String message, List<String> earlier) {
        List<Conversations.Turn> history = new java.util.ArrayList<>();
        for (String turn : earlier) {
            String asked = searchable(validated(turn));
            Answer answer = respond(asked, index.detect(asked), history, token -> {
            }, false).answer();
            history.add(new Conversations.Turn(asked, answer.text(), answer.answered(),
                    answer.sources().stream().map(Source::documentId).toList(), clock.instant()));
        }
        String question = searchable(validated(message));
        return respond(question, index.detect(question), history, token -> {
        }, true);
    }

    /** A message as searched: without chatter, its words put right against the knowledge base's vocabulary. */
    private String searchable(String message) {
        Understood understood = understanding.read(message);
        return understood.isSmallTalk() ? message
                : index.respell(understood.cleaned(), index.detect(understood.cleaned()));
    }

    private Trial respond(String question, Language language, List<Conversations.Turn> history,
                          Consumer<String> tokens, boolean explain) {
        if (QuestionGuard.isManipulation(question)) {
            Answer answer = new Answer.NotFound(prompts.noAnswer(language), Answer.Reason.REFUSED);
            tokens.accept(answer.text());
            return new Trial(answer, List.of(), null, Map.of());
        }
        // the question is read once, in its conversation; search and answering share that reading
        Conversations.Turn previous = history.isEmpty() ? null : history.get(history.size() - 1);
        // "hon" is the one person the earlier answer named
        question = previous == null ? question : Coreference.resolve(question, language, previous.answer());
        QuestionAnalysis asked = QuestionAnalysis.read(question, language, analysis,
                previous == null ? "" : previous.question(),
                previous == null ? Set.of() : Set.copyOf(previous.documentIds()),
                previous == null ? "" : previous.answer());
        Retrieval retrieval = index.search(question, language, asked.previous(), asked.previousDocuments(),
                properties.passages());
        Answerer.Explained answered = answerer.answerExplained(asked, retrieval, history, tokens);
        return new Trial(answered.answer(), retrieval.passages(), explain ? answered.decision() : null,
                retrieval.questionTerms());
    }

    /** The message as asked, or why it cannot be. */
    private String validated(String message) {
        String question = message == null ? "" : message.strip();
        if (NOTHING_SHOWN.matcher(question).matches()) {
            throw new InvalidQuestionException("Skriv en fråga. (The message is empty.)");
        }
        if (question.length() > properties.maxQuestionChars()) {
            throw new InvalidQuestionException("Frågan är för lång: högst " + properties.maxQuestionChars()
                    + " tecken. (The message is longer than " + properties.maxQuestionChars() + " characters.)");
        }
        return question;
    }

    /** Forgets a conversation's history ("Ny fråga", /ny) in the channel it was held in. */
    public void forget(String channel, String conversationId) {
        conversations.forget(Conversations.key(channel, conversationId));
    }

}
