package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words put right against a real index's own vocabulary; language detection on such words. */
class SpellingTests {

    @TempDir
    Path directory;

    private KnowledgeIndex index;

    @BeforeEach
    void indexCorpus() throws IOException {
        index = Indexes.open(directory);
        var document = new DocumentRecord("plan", "plan.txt", "Verksamhetsplan", Language.SV, "h", Instant.EPOCH, 2);
        index.replace(document, List.of(
                new ChunkRecord(List.of("Facklig utbildning"), "LO-distriktet i Västsverige har 260 000 medlemmar. "
                        + "Ansvarig för utbildning: Daniel Rubinsson. Arbetet med medlemsrekrytering fortsätter."),
                new ChunkRecord(List.of("Östergötland"), "Höstmötet hålls i Östergötland.")));
        index.commit();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void foldsAsScandinavianFoldingDoes() {
        assertThat(Spelling.fold("Västsverige")).isEqualTo("vastsverige");
        assertThat(Spelling.fold("Østergøtland")).isEqualTo("ostergotland");
        assertThat(Spelling.fold("årsmöte")).isEqualTo("arsmote");
        assertThat(Spelling.fold("fagforeningene")).isEqualTo("fagforeningene");
    }

    @Test
    void restoresTheLettersAWordWasWrittenWithout() {
        assertThat(index.respell("hur manga medlemmar har lo distriktet i vastsverige", Language.SV))
                .isEqualTo("hur många medlemmar har lo distriktet i västsverige");
        assertThat(index.respell("Nar ar hostmotet i Østergøtland?", Language.SV))
                .isEqualTo("När är höstmötet i Östergötland?");
    }

    @Test
    void correctsATypoToTheKnowledgeBasesOwnWord() {
        assertThat(index.respell("Vem ansvarar för utbilding?", Language.SV)).isEqualTo("Vem ansvarar för utbildning?");
        assertThat(index.respell("Vem är Daniel Rubinson?", Language.SV)).isEqualTo("Vem är Daniel Rubinsson?");
        // written without å/ä/ö and in another inflection than the knowledge base's: both put right
        assertThat(index.respell("Nar ar hostmotena?", Language.SV)).isEqualTo("När är höstmötet?");
        assertThat(index.respell("Hur går medlemsrekryteringn till?", Language.SV))
                .isEqualTo("Hur går medlemsrekrytering till?");
    }

    @Test
    void leavesKnownWordsShortWordsAndEnglishAlone() {
        assertThat(index.respell("Hur många medlemmar?", Language.SV)).isEqualTo("Hur många medlemmar?");
        assertThat(index.respell("Vad kostar en pizza?", Language.SV)).isEqualTo("Vad kostar en pizza?");
        assertThat(index.respell("Who is responsible for utbilding?", Language.EN))
                .isEqualTo("Who is responsible for utbilding?");
    }

    @Test
    void detectsTheLanguageOfAQuestionWrittenWithoutDiacriticsOrWithAFewEnglishWords() {
        assertThat(Language.detect("hur manga medlemmar har lo distriktet i vastsverige")).isEqualTo(Language.SV);
        assertThat(Language.detect("vad gor LO-distriktet i Mellansverige for att fa fler medlemmar?"))
                .isEqualTo(Language.SV);
        assertThat(Language.detect("nar ar arsmotet?")).isEqualTo(Language.SV);
        assertThat(Language.detect("hvordan jobber LO i Vestoppland for unge medlemmer?")).isEqualTo(Language.NO);
        assertThat(Language.detect("hur många deltagare is the target för grundläggande utbildning?"))
                .isEqualTo(Language.SV);
    }

    @Test
    void theInstalledHunspellDictionariesKnowWordsAndTheirRoots() {
        Path folder = Path.of("/usr/share/hunspell");
        assumeTrue(Files.isReadable(folder.resolve("sv_SE.dic")), "hunspell-sv is not installed (.ci/run installs it)");
        Lexicon lexicon = Lexicon.load(folder);
        assertThat(lexicon.isWord("medlemmar")).isTrue();
        assertThat(lexicon.isWord("pizza")).isTrue();
        assertThat(lexicon.isWord("utbilding")).isFalse();
        assertThat(lexicon.roots("medlemmar", Language.SV)).contains("medlem");
        assertThat(lexicon.roots("undersköterskor", Language.SV)).contains("undersköterska");
        if (lexicon.has(Language.NO)) {
            assertThat(lexicon.roots("fagforeningene", Language.NO)).contains("fagforening");
        }
    }

    @Test
    void withoutDictionariesTheLexiconKnowsNothingAndSaysSo() {
        Lexicon lexicon = Lexicon.load(directory.resolve("nowhere"));
        assertThat(lexicon.has(Language.SV)).isFalse();
        assertThat(lexicon.isWord("medlemmar")).isFalse();
    }
}
