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
    void aDictdEntryBecomesASynonymRule() {
        assertThat(BilingualLexicon.ring("meeting /ˈmiːtɪŋ/\n1. möte\n2. församling, sammankomst, sammanträde\n"))
                .isEqualTo("meeting, möte, församling, sammankomst, sammanträde");
        assertThat(BilingualLexicon.ring("ofta /ˈɔfta/\nfrequently, often, regularly")).isEqualTo("ofta, frequently, often, regularly");
        assertThat(BilingualLexicon.ring("zone /zoun/\nzon")).isEqualTo("zone, zon");
        // nothing to join, or no word as headword
        assertThat(BilingualLexicon.ring("yoghurt /jɔgət/\nyoghurt")).isNull();
        assertThat(BilingualLexicon.ring("you're welcome /x/\ningen orsak")).isNull();
    }

    @Test
    void aWikDictEntryGivesItsFirstLineOfTranslationsNotItsExplanation() {
        assertThat(BilingualLexicon.firstSense("förhandling /fœrˈhandlɪŋ/ <n, ut>\nforhandling, drøftelse\nnär man förhandlar"))
                .isEqualTo("förhandling, forhandling, drøftelse");
        assertThat(BilingualLexicon.firstSense("-are /ˈarə/ <affix>\n-er\nperson som utför något")).isNull();
        // a word of several senses numbers them: the first sense's words, not the number
        assertThat(BilingualLexicon.firstSense("val /vˈɑːl/ <n>\n1. valg 2.\n(politik) det att utse någon\n 3.\n"
                + "(generellt) det att välja\n2. hval, kval\n(zoologi) individ av någon art")).isEqualTo("val, valg");
    }

    @Test
    void norwegianWordsTakeTheirRegularSwedishSpellings() {
        assertThat(BilingualLexicon.swedishSpellings("forhandling")).isEmpty(); // the same in Swedish save the ö
        assertThat(BilingualLexicon.swedishSpellings("organisasjon")).contains("organisation");
        assertThat(BilingualLexicon.swedishSpellings("møte")).contains("möte");
        assertThat(BilingualLexicon.swedishSpellings("lønnsforhandling")).contains("lönnsforhandling");
        assertThat(BilingualLexicon.swedishSpellings("medlemmene")).contains("medlemmarna");
        assertThat(BilingualLexicon.swedishSpellings("forhandle")).contains("forhandla");
        assertThat(BilingualLexicon.swedishSpellings("næringsliv")).contains("näringsliv");
        assertThat(BilingualLexicon.swedishSpellings("arbeidsplass")).contains("arbedsplass");
    }

    @Test
    void withoutTheInstalledDictionariesThereAreNoRules(@TempDir Path empty) {
        assertThat(BilingualLexicon.synonymLines(empty, Language.EN)).isEmpty();
        assertThat(BilingualLexicon.synonymLines(empty, Language.NO)).isEmpty();
    }

    @Test
    void theInstalledFreeDictDictionariesLinkEnglishAndSwedishWords() {
        Path folder = Path.of("/usr/share/dictd");
        assumeTrue(Files.isReadable(folder.resolve("freedict-eng-swe.index")), "dict-freedict-eng-swe is not installed");
        List<String> lines = BilingualLexicon.synonymLines(folder, Language.EN);
        assertThat(lines.size()).isGreaterThan(5000);
        assertThat(lines).anyMatch(l -> l.startsWith("autumn,") && l.contains("höst"));
        assertThat(lines).anyMatch(l -> l.startsWith("responsible,") && l.contains("ansvarig"));
        // every line is a valid rule of Solr's format
        assertThat(Synonyms.general(new Analysis(), String.join("\n", lines), Language.EN).size()).isGreaterThan(5000);
    }

    @Test
    void theInstalledSwedishNorwegianDictionaryLinksNorwegianAndSwedishWords() {
        Path folder = Path.of("/usr/share/dictd");
        assumeTrue(Files.isReadable(folder.resolve("freedict-swe-nor.index")), "dict-freedict-swe-nor is not installed");
        List<String> lines = BilingualLexicon.synonymLines(folder, Language.NO);
        assertThat(lines.size()).isGreaterThan(5000);
        Synonyms rules = Synonyms.general(new Analysis(), String.join("\n", lines), Language.NO);
        assertThat(rules.matches("Hvem er lederen?", Language.NO)).isNotNull();
    }
}
