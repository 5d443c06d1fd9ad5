package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysisTests {

    private final Analysis analysis = new Analysis();

    @Test
    void anEnglishQuestionsFunctionWordsAreNoIdeasOfIt() {
        // Snowball's English stop list, as Swedish and Norwegian have theirs: only the content is left
        assertThat(analysis.queryTerms("How many members does your district have from our unions?", Language.EN))
                .containsExactlyElementsOf(analysis.terms("members district unions", Language.EN));
        assertThat(analysis.queryTerms("Who were they?", Language.EN)).isEmpty();
        assertThat(analysis.queryTerms("Hur många medlemmar har distriktet?", Language.SV))
                .containsExactlyElementsOf(analysis.terms("medlemmar distriktet", Language.SV));
    }

    @Test
    void modalVerbsAndWhomAClaimIsAccordingToAreNoIdeas() {
        // as English Snowball lists "should": a dictionary would translate Norwegian "bør" as "börs"
        assertThat(analysis.queryTerms("Hvordan bør styret være sammensatt, ifølge LO?", Language.NO))
                .containsExactlyElementsOf(analysis.terms("styret sammensatt LO", Language.NO));
        assertThat(analysis.queryTerms("Hur bör styrelsen vara sammansatt enligt LO?", Language.SV))
                .containsExactlyElementsOf(analysis.terms("styrelsen sammansatt LO", Language.SV));
        assertThat(analysis.queryTerms("How must the board be made up according to LO?", Language.EN))
                .containsExactlyElementsOf(analysis.terms("board made up LO", Language.EN));
    }

    @Test
    void anEnglishPossessiveIsItsName() {
        assertThat(analysis.queryTerms("What is LO Vestoppland's model?", Language.NO))
                .containsAll(analysis.terms("Vestoppland", Language.NO));
        assertThat(analysis.exactTerms("LO Vestoppland’s model")).contains("vestoppland").doesNotContain("vestoppland’s");
    }
}
