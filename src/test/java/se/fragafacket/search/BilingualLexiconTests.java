package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BilingualLexiconTests {

    @Test
    void aDictdEntryBecomesAGlossaryLine() {
        assertThat(BilingualLexicon.ring("meeting /ˈmiːtɪŋ/\n1. möte\n2. församling, sammankomst, sammanträde\n"))
                .isEqualTo("~meeting | möte | församling | sammankomst | sammanträde");
        assertThat(BilingualLexicon.ring("ofta /ˈɔfta/\nfrequently, often, regularly")).isEqualTo("~ofta | frequently | often | regularly");
        assertThat(BilingualLexicon.ring("zone /zoun/\nzon")).isEqualTo("~zone | zon");
        // nothing to join, or no word as headword
        assertThat(BilingualLexicon.ring("yoghurt /jɔgət/\nyoghurt")).isNull();
        assertThat(BilingualLexicon.ring("you're welcome /x/\ningen orsak")).isNull();
    }

    @Test
    void withoutTheInstalledDictionariesThereAreNoLines(@TempDir Path empty) {
        assertThat(BilingualLexicon.glossaryLines(empty)).isEmpty();
    }

    @Test
    void theInstalledFreeDictDictionariesLinkEnglishAndSwedishWords() {
        Path folder = Path.of("/usr/share/dictd");
        assumeTrue(Files.isReadable(folder.resolve("freedict-eng-swe.index")), "dict-freedict-eng-swe is not installed");
        List<String> lines = BilingualLexicon.glossaryLines(folder);
        assertThat(lines.size()).isGreaterThan(5000);
        assertThat(lines).anyMatch(l -> l.startsWith("~autumn |") && l.contains("höst"));
        assertThat(lines).anyMatch(l -> l.startsWith("~responsible |") && l.contains("ansvarig"));
    }
}
