package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Lemmas and compound parts from the installed Hunspell dictionaries (skipped where Debian's hunspell-sv or
 * hunspell-no is not installed; {@code .ci/run} installs them), and the one-pass index analysis giving the
 * same terms as the analyzers word by word.
 */
class MorphologyTests {

    private static final Path HUNSPELL = Path.of("/usr/share/hunspell");

    private static Lexicon swedish() {
        assumeTrue(Files.isReadable(HUNSPELL.resolve("sv_SE.dic")), "hunspell-sv is not installed (.ci/run installs it)");
        return Indexes.LEXICON;
    }

    /** Roots are remembered per lower-cased word; what is remembered cannot be changed by a caller. */
    @Test
    void rootsAreTheSameAskedAgainInAnyCaseAndCannotBeChanged() {
        Lexicon lexicon = swedish();

        List<String> first = lexicon.roots("Medlemmar", Language.SV);
        assertThat(first).containsExactly("medlem");
        assertThat(lexicon.roots("medlemmar", Language.SV)).isEqualTo(first);
        assertThat(lexicon.roots("MEDLEMMAR", Language.SV)).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.add("smed"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(lexicon.roots("xqzvbnk", Language.SV)).isEmpty();
        assertThat(Lexicon.none().roots("medlemmar", Language.SV)).isEmpty();
    }

    @Test
    void anInflectedWordGivesItsLemma() {
        Lexicon lexicon = swedish();

        assertThat(lexicon.morphemes("medlemmar", Language.SV)).containsExactly("medlem");
        assertThat(lexicon.lemmas("distriktet", Language.SV)).containsExactly("distrikt");
    }

    @Test
    void aCompoundsHeadIsWhatItIs() {
        Lexicon lexicon = swedish();

        assertThat(lexicon.head("medlemsmöten", Language.SV)).isEqualTo("möte");
        assertThat(lexicon.head("förbundsmedlemmar", Language.SV)).isEqualTo("medlem");
        assertThat(lexicon.head("medlemmar", Language.SV)).isNull(); // no compound
    }

    @Test
    void aSentencesCompoundHeadsAreHeldButNotANamesParts(@org.junit.jupiter.api.io.TempDir Path directory)
            throws java.io.IOException {
        swedish();
        try (KnowledgeIndex index = Indexes.open(directory)) {
            Analysis analysis = new Analysis();
            assertThat(index.compoundHeads("Vi ordnar medlemsmöten om pension.", Language.SV))
                    .containsAll(analysis.terms("möte", Language.SV));
            assertThat(index.compoundHeads("Vi träffar Hyresgästföreningen.", Language.SV)).isEmpty();
        }
    }

    @Test
    void aCompoundIsSplitIntoDictionaryWordsAndNeverIntoAWordAcrossTheSeam() {
        Lexicon lexicon = swedish();

        List<String> forms = lexicon.morphemes("förbundsmedlemmar", Language.SV);

        assertThat(forms).contains("förbundsmedlem", "förbund", "medlem").doesNotContain("smed", "lemma", "bund");
        assertThat(lexicon.lemmas("förbundsmedlemmar", Language.SV)).containsExactly("förbundsmedlem");
    }

    @Test
    void aLinkingLetterAndAThreePartCompoundAreUnderstood() {
        Lexicon lexicon = swedish();

        assertThat(lexicon.morphemes("medlemsrekryteringen", Language.SV)).contains("medlem", "rekrytering");
        assertThat(lexicon.morphemes("förbundsavdelningarna", Language.SV)).contains("förbund", "avdelning");
    }

    @Test
    void aShortDictionaryWordIsNotCutIntoShorterWords() {
        Lexicon lexicon = swedish();

        assertThat(lexicon.morphemes("medlem", Language.SV)).containsExactly("medlem"); // not med + lem
        assertThat(lexicon.morphemes("semester", Language.SV)).containsExactly("semester");
    }

    @Test
    void wordsTheDictionaryDoesNotKnowHaveNoForms() {
        Lexicon lexicon = swedish();

        assertThat(lexicon.morphemes("rubinsson", Language.SV)).isEmpty();
        assertThat(lexicon.morphemes("0150", Language.SV)).isEmpty();
        assertThat(Lexicon.none().morphemes("medlemmar", Language.SV)).isEmpty();
        assertThat(Lexicon.none().signature()).isEmpty();
    }

    @Test
    void norwegianLemmasAndCompounds() {
        assumeTrue(Files.isReadable(HUNSPELL.resolve("nb_NO.dic")), "hunspell-no is not installed (.ci/run installs it)");
        Lexicon lexicon = Indexes.LEXICON;

        assertThat(lexicon.lemmas("fagforeningene", Language.NO)).containsExactly("fagforening");
        assertThat(lexicon.morphemes("lokalorganisasjoner", Language.NO)).contains("organisasjon");
        assertThat(lexicon.parts("grunnkurs", Language.NO)).containsExactly("grunn", "kurs");
        assertThat(lexicon.parts("fagforeningene", Language.NO)).doesNotContain("fagforening"); // parts, not lemmas
    }

    @Test
    void aNorwegianCompoundIsPutTogetherInSwedishFromItsParts() {
        assumeTrue(Files.isReadable(HUNSPELL.resolve("nb_NO.dic")), "hunspell-no is not installed (.ci/run installs it)");
        swedish();
        Analysis analysis = new Analysis();
        java.util.Set<String> documents = java.util.Set.of("grundkurs", "arbetsmiljö");
        // two lines of a Swedish–Norwegian dictionary, as FreeDict's swe-nor gives them
        Synonyms dictionary = Synonyms.general(analysis, "grund, grunn\narbete, arbeid", Language.NO);
        SynonymsExpansion expansion = new SynonymsExpansion(analysis, () -> Synonyms.none(analysis),
                java.util.Map.of(Language.NO, dictionary), Indexes.LEXICON, true, Thesaurus.none());

        List<Synonyms.Match> matches = expansion.matches("Når er grunnkurs om arbeidsmiljøet?", Language.NO,
                documents::contains, documents::contains);

        // "grunn" is Swedish "grund" by the dictionary; "arbeids" is "arbeid" and a linking s, "miljø" is "miljö"
        assertThat(matches).anySatisfy(m -> assertThat(m.words()).contains("grundkurs", "grunnkurs"));
        assertThat(matches).anySatisfy(m -> assertThat(m.words()).contains("arbetsmiljö"));
        // where the documents hold no such compound, nothing is made up
        List<Synonyms.Match> none = expansion.matches("Når er grunnkurs?", Language.NO, word -> false, word -> false);
        assertThat(none).noneSatisfy(m -> assertThat(m.words()).contains("grundkurs"));
    }

    @Test
    void theOnePassAnalysisGivesTheAnalyzersTermsForEveryField() throws IOException {
        Analysis analysis = new Analysis();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("knowledge"))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        String heading = "LOs verksamhetsplan › Facklig utbildning";
        for (Path file : files) {
            String text = Files.readString(file);
            for (Language language : Language.values()) {
                Analysis.IndexedPassage passage = analysis.indexPassage(heading, text, language, Lexicon.none());

                assertThat(passage.body().list()).isEqualTo(analysis.terms(text, language));
                assertThat(passage.heading().list()).isEqualTo(analysis.terms(heading, language));
                assertThat(passage.exact().list()).isEqualTo(analysis.exactTerms(heading + "\n" + text));
                assertThat(passage.folded().list())
                        .isEqualTo(analysis.exactTerms(heading + "\n" + text).stream().map(Spelling::fold).toList());
                assertThat(passage.lemmas().list()).isEmpty();
            }
        }
    }

    @Test
    void theLemmaFieldHoldsEachWordsLemmaAndPartsAsStems() {
        Lexicon lexicon = swedish();
        Analysis analysis = new Analysis();

        Analysis.IndexedPassage passage = analysis.indexPassage("Rubrik", "Alla förbundsmedlemmar", Language.SV, lexicon);

        assertThat(passage.lemmas().list())
                .containsAll(analysis.terms("förbund medlem", Language.SV))
                .doesNotContainAnyElementsOf(analysis.terms("smed", Language.SV));
        // the parts stand where the compound stands (increment 0 after its first form)
        int[] increments = passage.lemmas().increments();
        assertThat(increments[increments.length - 1]).isZero();
    }

    @Test
    void anIndexMadeWithTheDictionariesIsMadeAgainWithoutThemWhenTheyAreGone(@org.junit.jupiter.api.io.TempDir Path folder)
            throws IOException {
        swedish();
        Path knowledge = Files.createDirectories(folder.resolve("knowledge"));
        Files.writeString(knowledge.resolve("medlemmar.txt"), "Medlemmar\n\nAlla förbundsmedlemmar är välkomna till mötet.");
        var ingest = se.fragafacket.Settings.defaults("fraga.ingest", se.fragafacket.ingest.IngestProperties.class);
        var properties = new se.fragafacket.config.FragaProperties(knowledge, folder);
        Analysis analysis = new Analysis();
        var settings = se.fragafacket.Settings.defaults("fraga.search", SearchProperties.class);
        try (KnowledgeIndex index = Indexes.open(folder.resolve("index"))) {
            assertThat(new se.fragafacket.ingest.KnowledgeBase(properties, ingest, index).sync().indexed()).isEqualTo(1);
            assertThat(index.format()).contains("hunspell:").contains("sv");
            assertThat(index.search("Vilka medlemmar är välkomna?", Language.SV, "", java.util.Set.of(), 1).passages())
                    .hasSize(1);
        }
        try (KnowledgeIndex index = new KnowledgeIndex(folder.resolve("index"), analysis,
                SynonymsExpansion.of(analysis, Synonyms.none(analysis)), settings,
                java.util.Optional.empty(), Lexicon.none(), true)) {
            var sync = new se.fragafacket.ingest.KnowledgeBase(properties, ingest, index).sync();

            assertThat(sync.indexed()).isEqualTo(1); // made again: its passages held lemmas no query could now ask for
            assertThat(index.format()).doesNotContain("hunspell");
            assertThat(index.search("Vilka förbundsmedlemmar är välkomna?", Language.SV, "", java.util.Set.of(), 1)
                    .passages()).hasSize(1);
        }
    }
}
