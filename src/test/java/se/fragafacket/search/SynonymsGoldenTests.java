package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden queries over a real index: a question in slang, in English or in Norwegian finds the passage its
 * clean Swedish form finds, through the shipped synonyms, the Norwegian → Swedish spellings and the
 * installed dictionaries; and the answerer's question coverage sees the same idea.
 */
class SynonymsGoldenTests {

    private static final Analysis ANALYSIS = new Analysis();

    @TempDir
    Path directory;

    private KnowledgeIndex index;

    private void open(SynonymsExpansion expansion) throws IOException {
        index = Indexes.open(directory, expansion);
        put("fakta", Language.SV, "Om facket",
                chunk("A-kassa", "Arbetslöshetskassan betalar ersättning när du blir arbetslös. Anmäl dig första dagen."),
                chunk("Politik", "LO samarbetar med Socialdemokraterna i valrörelsen och i riksdagen."),
                chunk("Avtal", "Löneförhandlingar sköts av förbunden, inte av LO-distriktet."),
                chunk("Lokalt", "LO-facken i kommunerna håller i den tvärfackliga verksamheten."),
                chunk("Semester", "Semesterlagen ger dig rätt till 25 semesterdagar om året."),
                chunk("Organisation", "Organisationen består av fjorton förbund med drygt en miljon medlemmar."),
                chunk("Möten", "Höstmötet hålls den 25 november i Göteborg."));
        put("annat", Language.SV, "Annat",
                chunk("Kultur", "Arbetarkulturen lever i studieförbunden och på biblioteken."),
                chunk("Ungdom", "Ungdomar under 25 år får gå kursen gratis."));
        index.commit();
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @ParameterizedTest(name = "{1} ~ {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Vad gör arbetslöshetskassan?                  | Vad gör a-kassan?                              | A-kassa
            Hur samarbetar LO med Socialdemokraterna?     | Hur samarbetar LO med sossarna?                | Politik
            Vem sköter löneförhandlingar?                 | Vem sköter lönesnacket?                        | Avtal
            Vad gör LO-facken i kommunerna?               | Vad gör LO-facket i kommunerna?                | Lokalt
            Hur många semesterdagar får man?              | How many days of holiday do I get?             | Semester
            Hur många förbund ingår i organisationen?     | How many unions are there in the organisation? | Organisation
            När hålls höstmötet?                          | When is the autumn meeting held?               | Möten
            """)
    void aVariantWithTheOrganisationsWordsFindsTheCleanQuestionsPassage(String clean, String variant, String heading)
            throws IOException {
        open(SynonymsExpansion.of(ANALYSIS, Synonyms.parse(ANALYSIS, OrganisationSynonyms.shippedList())));
        for (String question : new String[] {clean, variant}) {
            List<Passage> found = search(question, Language.detect(question));
            assertThat(found).as(question).isNotEmpty();
            assertThat(found.get(0).headingPath()).as(question).contains(heading);
        }
    }

    @Test
    void withoutTheSynonymsTheSlangFindsNothingOfIt() throws IOException {
        open(SynonymsExpansion.of(ANALYSIS, Synonyms.none(ANALYSIS)));
        List<Passage> found = search("Vad tycker sossarna?", Language.SV);
        assertThat(found).noneMatch(p -> p.headingPath().contains("Politik"));
    }

    @Test
    void theAnswerersCoverageSeesTheSlangAsTheDocumentsWord() throws IOException {
        open(SynonymsExpansion.of(ANALYSIS, Synonyms.parse(ANALYSIS, OrganisationSynonyms.shippedList())));
        Retrieval retrieval = index.search("Vad tycker sossarna?", Language.SV, "", Set.of(), 5);
        List<String> socialdemokraterna = ANALYSIS.terms("Socialdemokraterna", Language.SV);
        assertThat(retrieval.questionTerms(Language.SV))
                .anySatisfy(group -> assertThat(group.alternatives()).containsAll(socialdemokraterna));
    }

    @Test
    void anEnglishIdeaWhoseTranslationsThePassagesLackWeighsHalfAsMuchAsTheSameIdeaAskedInSwedish() throws IOException {
        // a dictionary's rare sense ("row" as "roddbåt") or a word it lacks is not the sign of an unanswerable
        // question that a Swedish word the documents lack is
        open(SynonymsExpansion.of(ANALYSIS, Synonyms.parse(ANALYSIS, "rowboat, roddbåt\nautumn meeting, höstmöte")));
        double swedish = weightOf(index.search("När hålls höstmötet i roddbåten?", Language.SV, "", Set.of(), 5), "roddbåt");
        double english = weightOf(index.search("When is the autumn meeting in the rowboat?", Language.EN, "", Set.of(), 5),
                "roddbåt");
        assertThat(english).isEqualTo(swedish / 2, org.assertj.core.data.Offset.offset(1e-9));
        // a translation the passages hold weighs fully
        double held = weightOf(index.search("When is the autumn meeting in the rowboat?", Language.EN, "", Set.of(), 5),
                String.join(" ", ANALYSIS.terms("höstmöte", Language.SV)));
        assertThat(held).isEqualTo(weightOf(index.search("När hålls höstmötet i roddbåten?", Language.SV, "", Set.of(), 5),
                String.join(" ", ANALYSIS.terms("höstmöte", Language.SV))), org.assertj.core.data.Offset.offset(1e-9));
    }

    private static double weightOf(Retrieval retrieval, String alternative) {
        return retrieval.questionTerms(Language.SV).stream()
                .filter(group -> group.alternatives().stream().anyMatch(a -> a.startsWith(alternative.substring(0, 5))))
                .mapToDouble(TermGroup::weight).findFirst().orElseThrow(() -> new AssertionError(
                        alternative + " not among " + retrieval.questionTerms(Language.SV)));
    }

    @ParameterizedTest(name = "{1} ~ {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Hur är organisationen uppbyggd?       | Hvordan er organisasjonen bygget opp?   | Organisation
            När hålls höstmötet?                  | Når holdes høstmøtet?                   | Möten
            """)
    void aNorwegianQuestionFindsTheSwedishPassage(String clean, String norwegian, String heading) throws IOException {
        Path hunspell = Path.of("/usr/share/hunspell");
        assumeTrue(Files.isReadable(hunspell.resolve("sv_SE.dic")), "hunspell-sv is not installed");
        open(new SynonymsExpansion(ANALYSIS, () -> Synonyms.parse(ANALYSIS, OrganisationSynonyms.shippedList()), Map.of(),
                Lexicon.load(hunspell), true, Thesaurus.none()));
        for (String question : new String[] {clean, norwegian}) {
            List<Passage> found = search(question, Language.detect(question));
            assertThat(found).as(question).isNotEmpty();
            assertThat(found.get(0).headingPath()).as(question).contains(heading);
        }
    }

    private List<Passage> search(String question, Language language) {
        return index.search(question, language, "", Set.of(), 5).passages();
    }

    private void put(String id, Language language, String title, ChunkRecord... chunks) throws IOException {
        List<ChunkRecord> withTitle = java.util.Arrays.stream(chunks)
                .map(c -> new ChunkRecord(java.util.stream.Stream.concat(java.util.stream.Stream.of(title),
                        c.headings().stream()).toList(), c.text()))
                .toList();
        index.replace(new DocumentRecord(id, id + ".txt", title, language, "hash-" + id,
                Instant.parse("2024-01-02T03:04:05Z"), chunks.length), withTitle);
    }

    private static ChunkRecord chunk(String heading, String text) {
        return new ChunkRecord(List.of(heading), text);
    }
}
