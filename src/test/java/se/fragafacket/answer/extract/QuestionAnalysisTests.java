package se.fragafacket.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;

class QuestionAnalysisTests {

    private final Analysis analysis = new Analysis();

    private QuestionAnalysis of(String text, String previous) {
        return QuestionAnalysis.of(text, Language.SV, analysis, previous, !previous.isEmpty(), Set.of(), "");
    }

    @Test
    void namesKindAndChoicesAreReadOnce() {
        QuestionAnalysis q = of("Hur många medlemmar har LO-distriktet i Skåne?", "");
        assertThat(q.kind()).isEqualTo(QuestionKind.NUMBER);
        assertThat(q.names()).contains("lo", "skane");
        QuestionAnalysis choice = of("Har antalet LO-distrikt ökat eller minskat?", "");
        assertThat(choice.choices()).hasSize(2);
        assertThat(choice.kind()).isEqualTo(QuestionKind.OTHER);
    }

    @Test
    void aFollowUpCarriesTheEarlierQuestionsNamesUnlessItNamesItsOwn() {
        assertThat(of("Vilket telefonnummer har hon?", "Vem leder LO i Trondheim?").names()).contains("trondheim");
        assertThat(of("Och i Skåne?", "Vem leder LO i Trondheim?").names()).contains("skane").doesNotContain("trondheim");
    }

    @Test
    void aQuestionPointingBackWithNoEarlierTurnIsAnOrphanButAQuestionOfItsOwnIsNot() {
        QuestionAnalysis orphan = of("Vem är ansvarig för det?", "");
        assertThat(orphan.orphanFollowUp(analysis.queryTerms(orphan.text(), Language.SV).size())).isTrue();
        QuestionAnalysis own = of("Hur många lo distrikt finns det?", "");
        assertThat(own.orphanFollowUp(analysis.queryTerms(own.text(), Language.SV).size())).isFalse();
        QuestionAnalysis followUp = of("Vem är ansvarig för det?", "Vad gör LO-distriktet i Skåne?");
        assertThat(followUp.orphanFollowUp(1)).isFalse();
    }
}
