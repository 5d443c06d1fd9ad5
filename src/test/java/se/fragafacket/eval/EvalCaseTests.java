package se.fragafacket.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.answer.Source;
import se.fragafacket.chat.ChatResponse;

class EvalCaseTests {

    private static EvalCase answerable(List<String> sources, List<String> any, List<String> all) {
        return new EvalCase("t1", "sv", List.of("Fråga?"), true, sources, any, all);
    }

    private static ChatResponse answered(String text, String... documentIds) {
        return new ChatResponse("c", "m", true, text,
                java.util.Arrays.stream(documentIds).map(id -> new Source(id, "Titel", "…")).toList());
    }

    @Test
    void passesWhenTheAnswerHoldsAPhraseAndCitesTheSource() {
        EvalCase question = answerable(List.of("lo-lokalt-och-regionalt"), List.of("nio LO-distrikt", "9 distrikt"), List.of());

        assertThat(question.passes(answered("I dag finns det nio LO-distrikt.", "lo-lokalt-och-regionalt"))).isTrue();
    }

    @Test
    void comparesPhrasesIgnoringCaseWhiteSpaceAndDashes() {
        EvalCase number = answerable(List.of("om-oss"), List.of("020560056"), List.of());
        EvalCase phone = answerable(List.of("om-oss"), List.of("0150-732 56"), List.of());
        EvalCase dates = answerable(List.of("plan"), List.of("17-20 maj"), List.of());

        assertThat(number.passes(answered("Ring 020-56 00 56.", "om-oss"))).isTrue();
        assertThat(number.passes(answered("Ring 020\u00A056\u00A000\u00A056.", "om-oss"))).isTrue();
        assertThat(answerable(List.of("plan"), List.of("260 000"), List.of()).passes(answered("nästan 260\u202F000 medlemmar", "plan"))).isTrue();
        assertThat(phone.passes(answered("Berit Örtell, tel 015073256", "om-oss"))).isTrue();
        assertThat(dates.passes(answered("LO-KONGRESSEN hålls 17 – 20 MAJ.", "plan"))).isTrue();
        assertThat(number.passes(answered("Ring 020-56 00 57.", "om-oss"))).isFalse();
    }

    @Test
    void failsWithoutTheRightSource() {
        EvalCase question = answerable(List.of("lo-lokalt-och-regionalt"), List.of("nio"), List.of());

        assertThat(question.passes(answered("I dag finns det nio LO-distrikt.", "verksamhetsplan"))).isFalse();
        assertThat(question.passes(answered("I dag finns det nio LO-distrikt.", "verksamhetsplan", "lo-lokalt-och-regionalt")))
                .isTrue();
    }

    @Test
    void anyOfSeveralSourcesWillDo() {
        EvalCase question = answerable(List.of("lo-lokalt-och-regionalt", "lo-mellansverige-om-oss"), List.of("samorganisation"), List.of());

        assertThat(question.passes(answered("LO-distriktet är en samorganisation.", "lo-mellansverige-om-oss"))).isTrue();
    }

    @Test
    void needsOneOfExpectAnyAndAllOfExpectAll() {
        EvalCase question = answerable(List.of("om-oss"), List.of(), List.of("Södermanland", "Västmanland"));

        assertThat(question.passes(answered("Södermanland och Västmanland.", "om-oss"))).isTrue();
        assertThat(question.passes(answered("Södermanland och Uppsala.", "om-oss"))).isFalse();
        assertThat(answerable(List.of("om-oss"), List.of("a", "b"), List.of()).passes(answered("c", "om-oss"))).isFalse();
    }

    @Test
    void anAnswerableQuestionFailsWhenNotAnswered() {
        EvalCase question = answerable(List.of("om-oss"), List.of("Katrineholm"), List.of());

        assertThat(question.passes(new ChatResponse("c", "m", false, "Ring Fråga facket, Katrineholm", List.of()))).isFalse();
    }

    @Test
    void anUnanswerableQuestionPassesOnlyWhenDeclined() {
        EvalCase question = new EvalCase("u", "sv", List.of("Vad kostar en pizza?"), false, List.of(), List.of(), List.of());

        assertThat(question.passes(new ChatResponse("c", "m", false, "Ring 020-56 00 56.", List.of()))).isTrue();
        assertThat(question.passes(answered("En pizza kostar 120 kr.", "om-oss"))).isFalse();
    }

    @Test
    void readsTheContractsJsonlFormat() {
        List<EvalCase> cases = QuestionSet.parse("""
                {"id":"a","lang":"sv","question":"Hur många?","expect_any":["nio"],"source":"lokalt","answerable":true}

                {"id":"b","lang":"sv","turns":["Vad gör distriktet?","Vem är ansvarig för det?"],"expect_all":["Per Ek"],"source":["om-oss","lokalt"],"answerable":true}
                {"id":"c","lang":"en","question":"Pizza?","answerable":false}
                """);

        assertThat(cases).hasSize(3);
        assertThat(cases.get(0)).isEqualTo(new EvalCase("a", "sv", List.of("Hur många?"), true, List.of("lokalt"), List.of("nio"), List.of()));
        assertThat(cases.get(1).turns()).containsExactly("Vad gör distriktet?", "Vem är ansvarig för det?");
        assertThat(cases.get(1).question()).isEqualTo("Vem är ansvarig för det?");
        assertThat(cases.get(1).sources()).containsExactly("om-oss", "lokalt");
        assertThat(cases.get(1).expectAll()).containsExactly("Per Ek");
        assertThat(cases.get(2).answerable()).isFalse();
    }

    @Test
    void namesTheLineThatIsNotACase() {
        assertThatThrownBy(() -> QuestionSet.parse("{\"id\":\"a\",\"question\":\"Hej?\"}\n{\"id\":\"b\"\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Line 2 is not valid JSON");
        assertThatThrownBy(() -> QuestionSet.parse("{\"id\":\"a\",\"answerable\":true}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Line 1 has neither \"question\" nor \"turns\"");
    }
}
