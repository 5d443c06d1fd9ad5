package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The organisation's rules in Solr's format, matched on a question's stems by Lucene's SynonymGraphFilter. */
class SynonymsTests {

    private final Analysis analysis = new Analysis();

    private Synonyms rules(String text) {
        return Synonyms.parse(analysis, text);
    }

    @Test
    void anExplicitRuleTurnsSlangIntoTheDocumentsWord() {
        Synonyms synonyms = rules("sossarna, sossar => socialdemokraterna\n");
        assertThat(synonyms.matches("Vad tycker sossarna om a-kassan?", Language.SV)).singleElement().satisfies(m -> {
            assertThat(m.words()).containsExactly("sossarna", "socialdemokraterna");
            assertThat(m.coveredStems()).containsExactlyElementsOf(analysis.terms("sossarna", Language.SV));
            assertThat(m.general()).isFalse();
        });
        // one way only: the documents' word does not turn into slang
        assertThat(synonyms.matches("Vad tycker socialdemokraterna?", Language.SV)).isEmpty();
    }

    @Test
    void anEquivalenceMatchesEveryInflectionOfEachWordThroughItsStem() {
        Synonyms synonyms = rules("a-kassa, arbetslöshetskassa, unemployment fund\n");
        assertThat(synonyms.matches("Hur går jag med i a-kassan?", Language.SV)).singleElement()
                .satisfies(m -> assertThat(m.words()).contains("arbetslöshetskassa", "unemployment fund"));
        assertThat(synonyms.matches("Vilka arbetslöshetskassor finns?", Language.SV)).singleElement()
                .satisfies(m -> assertThat(m.words()).contains("a kassa")); // split as the index splits words
        assertThat(synonyms.matches("Which unemployment fund?", Language.EN)).singleElement()
                .satisfies(m -> assertThat(m.coveredStems()).hasSize(2));
    }

    @Test
    void aMultiWordRuleMatchesOnlyItsWordsInARowAndTheLongestWins() {
        Synonyms synonyms = rules("första maj, may day\nmaj, may\n");
        List<Synonyms.Match> matches = synonyms.matches("What happens on May Day?", Language.EN);
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.words()).contains("första maj");
            assertThat(m.coveredStems()).hasSize(2);
        });
        assertThat(synonyms.matches("What happens in May?", Language.EN)).singleElement()
                .satisfies(m -> assertThat(m.words()).containsExactlyInAnyOrder("maj", "may"));
        assertThat(synonyms.matches("a day in may", Language.EN)).singleElement()
                .satisfies(m -> assertThat(m.words()).doesNotContain("första maj"));
    }

    @Test
    void twoWordsOfOneRuleInAQuestionAreOneIdea() {
        Synonyms synonyms = rules("telefon, ring, ringa, nummer, phone\nlön, lønn, pay\n");
        assertThat(synonyms.matches("Vem ringer jag, vilket nummer?", Language.SV)).singleElement().satisfies(m -> {
            assertThat(m.coveredStems()).containsAll(analysis.terms("ringer nummer", Language.SV));
            assertThat(m.words()).contains("telefon");
        });
        assertThat(synonyms.matches("Vilket nummer, och vilken lön?", Language.SV)).hasSize(2);
    }

    @Test
    void aRuleWrittenWithCapitalsNamesAPlace() {
        Synonyms synonyms = rules("Västsverige, Vest-Sverige, Western Sweden\nlön, lønn, pay\n");
        assertThat(synonyms.matches("Hvor mange er med i Vest-Sverige?", Language.NO)).singleElement()
                .satisfies(m -> assertThat(m.name()).isTrue());
        assertThat(synonyms.matches("Hva er lønnen?", Language.NO)).singleElement()
                .satisfies(m -> assertThat(m.name()).isFalse());
    }

    @Test
    void commentsAndEmptyLinesAreNoRules() {
        assertThat(rules("# nothing here\n\n   \n").matches("nothing here", Language.EN)).isEmpty();
        assertThat(Synonyms.none(analysis).matches("a-kassan", Language.SV)).isEmpty();
    }

    @Test
    void aLineThatCannotBeReadIsNamedWithItsNumberAndWhy() {
        assertThatThrownBy(() -> rules("lön, lønn\n# ok\na => b => c\n"))
                .isInstanceOfSatisfying(InvalidSynonymsException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("line 3").contains("a => b => c").contains("\"=>\"");
                });
        assertThatThrownBy(() -> rules("lön, , lønn\n"))
                .isInstanceOfSatisfying(InvalidSynonymsException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void theShippedListIsValidAndKnowsTheMovementsSlang() {
        Synonyms shipped = rules(OrganisationSynonyms.shippedList());
        assertThat(shipped.matches("Vad tycker sossarna?", Language.SV)).anySatisfy(m ->
                assertThat(m.words()).contains("socialdemokraterna"));
        assertThat(shipped.matches("Vad gör LO-facken?", Language.SV)).anySatisfy(m ->
                assertThat(m.words()).contains("lo fack", "local union"));
        assertThat(shipped.matches("Hjälp med lönesnacket", Language.SV)).anySatisfy(m ->
                assertThat(m.words()).contains("löneförhandling"));
    }
}
