package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * English words bridged to Swedish ones through the installed FreeDict dictionaries (Debian's dict-freedict-eng-swe,
 * -eng-nor, -eng-deu and -deu-swe, which {@code .ci/run} installs), and the expansion that keeps what the
 * documents hold.
 */
class EnglishBridgeTests {

    private static final Path DICTD = Path.of("/usr/share/dictd");
    private final Analysis analysis = new Analysis();

    @Test
    void baseFormsOfAnEnglishWordAreLookedUpToo() {
        assertThat(EnglishBridge.englishForms("members")).contains("members", "member");
        assertThat(EnglishBridge.englishForms("counties")).contains("county");
        assertThat(EnglishBridge.englishForms("elected")).contains("elect");
        assertThat(EnglishBridge.englishForms("office")).containsExactly("office");
    }

    @Test
    void wikDictEntriesAlternateTranslationsAndGlosses() {
        String entry = "school //skuːl// <n>\n1. fakultet, skole\na department at a university\n2. skole 2.\nan institution\n";
        assertThat(EnglishBridge.translationLines(entry, true)).containsExactly("fakultet", "skole", "skole");
        assertThat(EnglishBridge.firstLine("fee /fiː/\nGebühr <fem> [fin.], Entgelt <neut>\n   Note: Preis\n"))
                .containsExactly("gebühr", "entgelt");
    }

    @Test
    void theSmallEnglishSwedishDictionaryIsBridgedThroughNorwegianAndGerman() {
        assumeTrue(Files.isReadable(DICTD.resolve("freedict-eng-deu.index"))
                && Files.isReadable(DICTD.resolve("freedict-deu-swe.index")), "FreeDict eng-deu and deu-swe installed");
        try (EnglishBridge bridge = EnglishBridge.open(DICTD, Lexicon.none())) {
            // FreeDict's English–Swedish has "member" only as "lem" and "partigängare"
            assertThat(bridge.translate("members").swedish()).contains("medlem");
            assertThat(bridge.translate("fee").swedish()).contains("avgift");
            assertThat(bridge.translate("head").swedish()).contains("huvud");
            assertThat(bridge.translate("12").isEmpty()).isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutDictionariesNothingIsTranslated(@TempDir Path empty) {
        EnglishBridge bridge = EnglishBridge.open(empty, Lexicon.none());
        assertThat(bridge.translate("member").isEmpty()).isTrue();
    }

    @Test
    void twoEnglishWordsAreOneSwedishCompoundWhenTheDocumentsHoldIt() {
        assertThat(SynonymsExpansion.joinings("skola", "information")).contains("skolinformation", "skolasinformation");
        assertThat(SynonymsExpansion.joinings("medlem", "försäkring")).contains("medlemsförsäkring");
        assumeTrue(Files.isReadable(DICTD.resolve("freedict-eng-swe.index")), "FreeDict eng-swe installed");
        Set<String> documents = Set.of("huvudkontor", "kontor");
        SynonymsExpansion expansion = new SynonymsExpansion(analysis, () -> Synonyms.none(analysis), Map.of(),
                Lexicon.none(), false, Thesaurus.none(), EnglishBridge.open(DICTD, Lexicon.none()));
        List<Synonyms.Match> matches = expansion.matches("Where is the head office?", Language.EN, documents::contains,
                word -> documents.contains(word));
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.words()).containsExactly("huvudkontor");
            assertThat(m.coveredStems()).hasSize(2);
            assertThat(m.weak()).isFalse();
        });
        // a word alone: only its translations the documents hold, and weakly
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.words()).contains("kontor", "office");
            assertThat(m.words()).doesNotContain("byrå");
            assertThat(m.weak()).isTrue();
        });
    }
}
