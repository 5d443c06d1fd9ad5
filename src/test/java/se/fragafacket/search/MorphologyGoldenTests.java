package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.fragafacket.config.FragaProperties;
import se.fragafacket.Settings;
import se.fragafacket.ingest.IngestProperties;
import se.fragafacket.ingest.KnowledgeBase;

/**
 * Golden queries over the seed {@code knowledge/} in a real index with the installed Hunspell dictionaries:
 * a question worded with another inflection, a compound's part instead of the compound (or the other way
 * round), or without å/ä/ö finds the passage its clean wording finds — by term look-ups in the lemma field,
 * with no prefix expansion at query time.
 */
class MorphologyGoldenTests {

    private static Path data;
    private static KnowledgeIndex index;

    @BeforeAll
    static void ingest() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/usr/share/hunspell/sv_SE.dic")), "hunspell-sv is not installed (.ci/run installs it)");
        data = Files.createTempDirectory("morphology-golden");
        index = Indexes.open(data.resolve("index"));
        new KnowledgeBase(new FragaProperties(Path.of("knowledge"), data),
                Settings.defaults("fraga.ingest", IngestProperties.class), index).sync();
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(data);
    }

    @ParameterizedTest(name = "{1} ~ {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Hur många förbundsmedlemmar har LO-distriktet i Västsverige?   | hur manga forbundsmedlemmar har lo-distriktet i vastsverige        | 260 000
            Hur många deltog i utbildning i medlemsförsäkringar?           | Hur många deltog i utbildningen om försäkringarna?                 | medlemsförsäkringar
            Hur många deltog i LOs maktutbildning?                        | Hur många deltog i LO:s maktutbildningar?                          | maktutbildning
            Samordna erfarenhetsutbyte inom bemanningsavtalet             | erfarenhetsutbyten inom bemanningsavtal                           | bemanningsavtalet
            Var genomför LO-Mellansverige sin skolinformation?            | Var genomför LO-Mellansverige skolinformationen?                  | skolinformation
            """)
    void aVariantFindsThePassageTheCleanQuestionFinds(String clean, String variant, String phrase) {
        Passage expected = top(clean);
        assertThat(expected.text()).contains(phrase);

        Passage found = top(index.respell(variant, Language.detect(variant)));

        assertThat(found.text()).contains(phrase);
        assertThat(found.documentId()).isEqualTo(expected.documentId());
        assertThat(found.headingPath()).isEqualTo(expected.headingPath());
    }

    private static Passage top(String question) {
        List<Passage> passages = index.search(question, Language.detect(question), "", Set.of(), 3).passages();
        assertThat(passages).as("passages for %s", question).isNotEmpty();
        return passages.get(0);
    }
}
