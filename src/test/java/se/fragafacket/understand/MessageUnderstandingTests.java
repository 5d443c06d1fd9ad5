package se.fragafacket.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;

class MessageUnderstandingTests {

    private static final Analysis ANALYSIS = new Analysis();
    private final MessageUnderstanding understanding =
            new MessageUnderstanding(text -> ANALYSIS.queryTerms(text, Language.detect(text)).size());

    @Test
    void aGreetingAloneIsSmallTalkInItsLanguage() {
        assertThat(understanding.read("Hej!")).satisfies(u -> {
            assertThat(u.smallTalk()).isEqualTo(Understood.SmallTalk.GREETING);
            assertThat(u.language()).isEqualTo(Language.SV);
            assertThat(u.questions()).isEmpty();
        });
        assertThat(understanding.read("Hei 😊").language()).isEqualTo(Language.NO);
        assertThat(understanding.read("Hallå där 👋").smallTalk()).isEqualTo(Understood.SmallTalk.GREETING);
        assertThat(understanding.read("Hello there!").language()).isEqualTo(Language.EN);
    }

    @Test
    void thanksAndWhatCanYouDoAreSmallTalk() {
        assertThat(understanding.read("Tack så mycket!").smallTalk()).isEqualTo(Understood.SmallTalk.THANKS);
        assertThat(understanding.read("Takk for hjelpen :)").smallTalk()).isEqualTo(Understood.SmallTalk.THANKS);
        assertThat(understanding.read("Vad kan du svara på?").smallTalk()).isEqualTo(Understood.SmallTalk.CAPABILITIES);
        assertThat(understanding.read("Hej! Vad kan du hjälpa mig med?").smallTalk())
                .isEqualTo(Understood.SmallTalk.CAPABILITIES);
        assertThat(understanding.read("Hi, what can you do?").language()).isEqualTo(Language.EN);
        // a question about a topic is not small talk, even when it begins like one
        assertThat(understanding.read("Vad kan du berätta om LO-facken?").isSmallTalk()).isFalse();
    }

    @Test
    void greetingsSignOffsEmojiAndThanksAroundAQuestionAreStripped() {
        String clean = "Hur många LO-distrikt finns det idag?";
        assertThat(understanding.read("Hej! " + clean + " Tack!").questions()).containsExactly(clean);
        assertThat(understanding.read("Hejsan, " + clean + " Mvh Anna").questions()).containsExactly(clean);
        assertThat(understanding.read("Hallå 😊 " + clean + " Tack på förhand! /Johan").questions()).containsExactly(clean);
        assertThat(understanding.read("Hej hej! " + clean + "\nMed vänliga hälsningar\nKarin").questions())
                .containsExactly(clean);
        assertThat(understanding.read("God morgon! Jag är medlem i Kommunal. " + clean + " Tack så mycket 🙏").questions())
                .containsExactly(clean);
        assertThat(understanding.read("Hei! Hvor mange medlemmer har LO? Mvh Ola").questions())
                .containsExactly("Hvor mange medlemmer har LO?");
    }

    @Test
    void aLongMessageIsReducedToItsQuestion() {
        Understood u = understanding.read("Hej! Jag har precis blivit vald till ledamot i vårt LO-fack här i kommunen "
                + "och undrar lite vad som förväntas av mig. Jag jobbar som undersköterska och har aldrig haft något "
                + "fackligt uppdrag förut, så jag är ärligt talat lite nervös. Vad är det egentligen jag ska göra som ledamot?");
        assertThat(u.questions()).containsExactly("Vad är det egentligen jag ska göra som ledamot?");
        // without a question mark: the sentence opening with a question word
        assertThat(understanding.read("Jag är ny här. Hur många medlemmar har distriktet").questions())
                .containsExactly("Hur många medlemmar har distriktet");
    }

    @Test
    void wordsThatFrameAQuestionAreDropped() {
        assertThat(questions("Jag har hört att LO har ett samarbete med facket i Norge – stämmer det, och i så fall med vilka?"))
                .containsExactly("LO har ett samarbete med facket i Norge – med vilka?");
        assertThat(questions("I heard that the board meets monthly, is that right?"))
                .containsExactly("the board meets monthly?");
        assertThat(questions("Jeg lurer på hvor mange medlemmer LO har?"))
                .containsExactly("hvor mange medlemmer LO har?");
        assertThat(questions("Can you tell me who leads LO in Trondheim?"))
                .containsExactly("who leads LO in Trondheim?");
        // hearsay in the past tense, and where it was read; a check on whether it still holds, and the figure
        // checked asked for instead (it would pick an older copy repeating it), a year kept (it says which time is meant)
        assertThat(questions("I read somewhere that LO Skåne has 250 000 members, is that right?"))
                .containsExactly("LO Skåne has how many members?");
        assertThat(questions("Jeg leste at skoleinformatørene møter 7 000 elever i året. Stemmer det fortsatt?"))
                .containsExactly("skoleinformatørene møter hvor mange elever i året.");
        assertThat(questions("Jag har hört att kongressen 2025 kostar 1 500,50 kr, stämmer det?"))
                .containsExactly("kongressen 2025 kostar hur många kr?");
        // without a claim, a figure is what is asked about
        assertThat(questions("Can you tell me who got 250 000 kr?"))
                .containsExactly("who got 250 000 kr?");
        assertThat(questions("Jag läste på nätet att avgiften höjs, stämmer det fortfarande?"))
                .containsExactly("avgiften höjs?");
        // a frame that is all the question says is kept: there is nothing else to ask
        assertThat(questions("Stämmer det?")).containsExactly("Stämmer det?");
        // a classifier after a question word: the thing itself is asked for
        assertThat(questions("What kind of organisation is LO in Vestoppland?"))
                .containsExactly("What organisation is LO in Vestoppland?");
        assertThat(questions("Which types of membership are there?")).containsExactly("Which membership are there?");
        assertThat(questions("Vad för slags kurser finns det?")).containsExactly("Vad för kurser finns det?");
        assertThat(questions("Vilken typ av avtal gäller?")).containsExactly("Vilken avtal gäller?");
        assertThat(questions("Hva slags organisasjon er LO?")).containsExactly("Hva organisasjon er LO?");
        // not where the word is the topic
        assertThat(questions("Is the boss kind to the staff?")).containsExactly("Is the boss kind to the staff?");
        assertThat(questions("Vilka typer finns?")).containsExactly("Vilka typer finns?");
    }

    @Test
    void twoQuestionsAreTwoParts() {
        assertThat(understanding.read("Vem är kassör i LO-distriktet i Mellansverige och vilket telefonnummer har han?")
                .questions()).containsExactly("Vem är kassör i LO-distriktet i Mellansverige", "vilket telefonnummer har han?");
        assertThat(understanding.read("När är kvinnodagen? Och när är Skyddsombudens dag?").questions())
                .containsExactly("När är kvinnodagen?", "Och när är Skyddsombudens dag?");
        // "och" before a question word that asks nothing new stays with its sentence
        assertThat(understanding.read("Vad gör LO och hur?").questions()).containsExactly("Vad gör LO och hur?");
        // "och" joining things, not questions
        assertThat(understanding.read("Hur många skolinformationer ska göras inom folkhögskolor och Komvux?").questions())
                .hasSize(1);
    }

    @Test
    void emojiAndEmoticonsAreRemoved() {
        assertThat(MessageUnderstanding.withoutEmoji("Hej 👋🏽 :) vad gör LO? ❤️").strip()).isEqualTo("Hej vad gör LO?");
    }

    /** The questions a message asks, as understood. */
    private List<String> questions(String message) {
        return understanding.read(message).questions();
    }
}
