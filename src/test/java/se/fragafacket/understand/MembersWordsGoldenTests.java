package se.fragafacket.understand;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import se.fragafacket.ServiceTest;
import se.fragafacket.answer.Answer;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.answer.QuestionAnswered;
import se.fragafacket.answer.Reply;
import se.fragafacket.answer.Source;

/**
 * A question as members really write it — without å/ä/ö, with a typo, wrapped in a greeting and a sign-off,
 * inside a long message — gets what its clean form gets: the same document and the same key phrase.
 */
@ServiceTest
@RecordApplicationEvents
class MembersWordsGoldenTests {

    @Autowired
    AnswerService answers;

    @Autowired
    ApplicationEvents events;

    private Reply ask(String question) {
        return answers.ask(question, null, "test", token -> {
        });
    }

    @ParameterizedTest(name = "{1} ~ {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Hur många medlemmar har LO-distriktet i Mellansverige?   | hur manga medlemmar har lo-distriktet i mellansverige                       | lo-mellansverige-om-oss             | 180 000
            När hålls höstmötet för LO-distriktet i Västsverige?     | Nar halls hostmotet for LO-distriktet i Vastsverige?                       | verksamhetsplan-2024-lo-vastsverige | 25 november
            När hålls höstmötet för LO-distriktet i Västsverige?     | Når hålls høstmøtet för LO-distriktet i Væstsverige?                       | verksamhetsplan-2024-lo-vastsverige | 25 november
            Hur många deltagare ska gå LOs maktutbildning?           | Hur många deltagare ska gå LOs maktutbilding?                              | verksamhetsplan-2024-lo-vastsverige | 340 deltagare
            Vilka län ingår i LO-distriktet i Mellansverige?         | Vilka län ingår i LO-distriktet i Mellansverge?                            | lo-mellansverige-om-oss             | Södermanland
            Vem är ansvarig för facklig utbildning i Mellansverige?  | Hej! Vem är ansvarig för facklig utbildning i Mellansverige? Mvh Anna      | lo-mellansverige-om-oss             | Daniel Rubinsson
            Hur kontaktar jag LOs dataskyddsombud?                   | Hallå 😊 Hur kontaktar jag LOs dataskyddsombud? Tack på förhand! /Johan     | lo-mellansverige-om-oss             | dataskyddsombudet@lo.se
            Hur många LO-distrikt finns det idag?                    | God morgon! Jag är medlem i Kommunal. Hur många LO-distrikt finns det idag? Tack så mycket 🙏 | lo-lokalt-och-regionalt | nio LO-distrikt
            Hva er LO i Vestoppland?                                 | Hei! Hva er LO i Vesoppland? Takk!                                         | lo-vestoppland-hva-vi-gjor          | arbeidstakerorganisasjon
            Hur länge väljs man som ledamot i LO-facken?             | Jag har funderat på en sak ett tag nu och mina kollegor vet inte heller. Hur länge väljs man som ledamot i LO-facken? Vore jättebra att få veta innan nästa möte. | uppdragsbeskrivning-ledamot-lo-facken | ett år i taget
            """)
    void aVariantFindsWhatTheCleanQuestionFinds(String clean, String variant, String documentId, String phrase) {
        for (String question : new String[] {clean, variant}) {
            Reply reply = ask(question);
            assertThat(reply.answer().answered()).as(question + " → " + reply.answer().text()).isTrue();
            assertThat(reply.answer().sources()).extracting(Source::documentId).as(question).contains(documentId);
            assertThat(reply.answer().text()).as(question).containsIgnoringCase(phrase);
        }
    }

    @Test
    void aTwoPartQuestionIsAnsweredOnBothParts() {
        Reply reply = ask("Vem är kassör i LO-distriktet i Mellansverige och vilket telefonnummer har han?");
        assertThat(reply.answer().answered()).isTrue();
        assertThat(reply.answer().text()).contains("Per Ek").contains("732 52");
    }

    @Test
    void aPartTheDocumentsCannotAnswerIsNamed() {
        Reply reply = ask("Hur många LO-distrikt finns det idag? Och vad kostar en pizza i Katrineholm?");
        assertThat(reply.answer().answered()).isTrue();
        assertThat(reply.answer().text()).contains("nio LO-distrikt").contains("pizza").contains("020-56 00 56");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hej!                     | Hej!
            Tack så mycket!          | Varsågod
            Vad kan du svara på?     | Jag svarar på frågor
            Hei 😊                   | Hei!
            Hi, what can you do?     | I answer questions
            """)
    void smallTalkGetsAFriendlyReplyThatIsNoUnansweredQuestion(String message, String opening) {
        events.clear();
        Reply reply = ask(message);

        assertThat(reply.answer().answered()).isFalse();
        assertThat(reply.answer()).isInstanceOfSatisfying(Answer.NotFound.class,
                a -> assertThat(a.reason()).isEqualTo(Answer.Reason.SMALL_TALK));
        assertThat(reply.answer().text()).startsWith(opening).contains("020-56 00 56");
        assertThat(events.stream(QuestionAnswered.class)).singleElement()
                .satisfies(e -> assertThat(e.smallTalk()).isTrue());
    }
}
