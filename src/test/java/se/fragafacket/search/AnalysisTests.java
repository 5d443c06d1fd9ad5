package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysisTests {

    private final Analysis analysis = new Analysis();

    @Test
    void anEnglishQuestionsFunctionWordsAreNoIdeasOfIt() {
        // Snowball's English stop list, as Swedish and Norwegian have theirs: only the content is left
        assertIdeas("How many members does your district have from our unions?", Language.EN, "members district unions");
        assertThat(analysis.queryTerms("Who were they?", Language.EN)).isEmpty();
        assertIdeas("Hur många medlemmar har distriktet?", Language.SV, "medlemmar distriktet");
    }

    @Test
    void modalVerbsAndWhomAClaimIsAccordingToAreNoIdeas() {
        // as English Snowball lists "should": a dictionary would translate Norwegian "bør" as "börs"
        assertIdeas("Hvordan bør styret være sammensatt, ifølge LO?", Language.NO, "styret sammensatt LO");
        assertIdeas("Hur bör styrelsen vara sammansatt enligt LO?", Language.SV, "styrelsen sammansatt LO");
        assertIdeas("How must the board be made up according to LO?", Language.EN, "board made up LO");
    }

    /** A question's ideas are exactly the stems of {@code ideas}, in their order. */
    private void assertIdeas(String question, Language language, String ideas) {
        assertThat(analysis.queryTerms(question, language)).as(question)
                .containsExactlyElementsOf(analysis.terms(ideas, language));
    }

    @Test
    void anEnglishPossessiveIsItsName() {
        assertThat(analysis.queryTerms("What is LO Vestoppland's model?", Language.NO))
                .containsAll(analysis.terms("Vestoppland", Language.NO));
        assertThat(analysis.exactTerms("LO Vestoppland’s model")).contains("vestoppland").doesNotContain("vestoppland’s");
    }
}
