package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MyThes files (a tiny one written for the test, in Latin-1 as the real ones are) and the expansion that uses them. */
class ThesaurusTests {

    private final Analysis analysis = new Analysis();

    private static Thesaurus tiny() throws IOException {
        try (InputStream in = ThesaurusTests.class.getResourceAsStream("/search/th_tiny.dat")) {
            return Thesaurus.of(Language.SV, in);
        }
    }

    @Test
    void aDatFileIsReadInTheCharacterSetItsFirstLineNames() throws IOException {
        Thesaurus thesaurus = tiny();
        // every meaning's synonyms, in order, without repeats; a bracketed remark ("slita (hårt)") is no part of the word
        assertThat(thesaurus.synonyms("jobba", Language.SV)).containsExactly("arbeta", "knega", "slita", "gno", "verka");
        assertThat(thesaurus.synonyms("Lön", Language.SV)).containsExactly("inkomst", "avlöning"); // several words: left out
        assertThat(thesaurus.synonyms("ord utan synonymer", Language.SV)).isEmpty();
        assertThat(thesaurus.synonyms("jobba", Language.NO)).isEmpty();
    }

    @Test
    void aUtf8FileIsReadAsUtf8() throws IOException {
        byte[] dat = "UTF-8\nlønn|1\n-|gasje|hyre\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Thesaurus.parse(new ByteArrayInputStream(dat))).containsEntry("lønn", java.util.List.of("gasje", "hyre"));
    }

    @Test
    void withoutTheFilesThereAreNoSynonyms(@TempDir Path empty) {
        Thesaurus thesaurus = Thesaurus.load(empty);
        assertThat(thesaurus.has(Language.SV)).isFalse();
        assertThat(thesaurus.synonyms("jobba", Language.SV)).isEmpty();
    }

    @Test
    void onlyAWordTheDocumentsDoNotHoldIsExpandedAndOnlyToWordsTheyHoldWeakly() throws IOException {
        Set<String> documents = Set.of("arbeta", "lön", "inkomst");
        SynonymsExpansion expansion = new SynonymsExpansion(analysis, () -> Synonyms.none(analysis), Map.of(),
                Lexicon.none(), false, tiny());
        assertThat(expansion.matches("Var kan jag jobba?", Language.SV, documents::contains)).singleElement().satisfies(m -> {
            assertThat(m.words()).containsExactly("arbeta", "jobba"); // not "knega": the documents do not hold it
            assertThat(m.weak()).isTrue();
        });
        // "lön" is in the documents: nothing is added
        assertThat(expansion.matches("Hur hög är lön?", Language.SV, documents::contains)).isEmpty();
    }

    @Test
    void theInstalledThesauriAreRead() {
        Path folder = Path.of("/usr/share/mythes");
        assumeTrue(Files.isReadable(folder.resolve("th_sv_SE_v2.dat")), "mythes-sv is not installed");
        Thesaurus thesaurus = Thesaurus.load(folder);
        assertThat(thesaurus.synonyms("jobba", Language.SV)).contains("arbeta");
        if (Files.isReadable(folder.resolve("th_nb_NO_v2.dat"))) {
            assertThat(thesaurus.synonyms("lønn", Language.NO)).isNotEmpty();
        }
    }

    @Test
    void aNorwegianWordIsAlsoSearchedInTheSwedishSpellingTheSwedishDictionaryKnows() {
        Path folder = Path.of("/usr/share/hunspell");
        assumeTrue(Files.isReadable(folder.resolve("sv_SE.dic")), "hunspell-sv is not installed");
        SynonymsExpansion expansion = new SynonymsExpansion(analysis, () -> Synonyms.none(analysis), Map.of(),
                Lexicon.load(folder), true, Thesaurus.none());
        assertThat(expansion.matches("Hvordan er organisasjonen bygget opp?", Language.NO, w -> false))
                .anySatisfy(m -> assertThat(m.words()).contains("organisationen"));
        assertThat(expansion.matches("Når er møtet?", Language.NO, w -> false))
                .anySatisfy(m -> assertThat(m.words()).contains("mötet"));
        // a Swedish spelling that is no Swedish word is not searched
        assertThat(expansion.matches("Hva gjør tillitsvalgte?", Language.NO, w -> false))
                .noneSatisfy(m -> assertThat(m.words()).contains("tillitsvalgta"));
        // only Norwegian questions
        assertThat(expansion.matches("Vad gör organisasjonen?", Language.SV, w -> false)).isEmpty();
    }
}
