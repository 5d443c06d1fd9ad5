package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden queries over a small fixed corpus in a real index on disk. */
class KnowledgeIndexTests {

    @TempDir
    Path directory;

    private KnowledgeIndex index;

    @BeforeEach
    void indexCorpus() throws IOException {
        index = Indexes.open(directory);
        put("mellansverige", Language.SV, "Om oss",
                chunk("Högre organisationsgrad", "LO-distriktet skall utveckla sin strategi i arbetet med medlemsrekrytering. "
                        + "Samtliga verksamheter ska ha medlemsrekrytering i fokus."),
                chunk("Facklig utbildning", "LO-distriktets ansvar är att tillgodose behovet av gemensamma studier.\n"
                        + "Ansvarig: Daniel Rubinsson. Tel: 0150-732 70"),
                chunk("Arbetsmarknad", "LO-distriktet ska samordna arbetsmarknadsfrågorna på lokal nivå.\n"
                        + "Ansvarig: Berit Örtell 0150-732 56"),
                chunk("Fackligt politisk verksamhet", "LO-distriktet ska vara en aktiv part i de politiska forumen.\n"
                        + "Ansvarig: Per Ek 0150-732 52"),
                chunk("Skola", "Anna Ek samordnar skolinformationen mellan förbundsavdelningarna."),
                chunk("Ung", "Per Olsson håller i ungdomsutbildningarna."));
        put("lokalt", Language.SV, "Lokalt och regionalt",
                chunk("LO-facken i kommunerna", "LO-facken i kommunerna ska arbeta för en stark lokal tvärfacklig verksamhet."),
                chunk("Regional samlingsplats", "I dag finns det nio LO-distrikt av varierande storlek."));
        put("plan", Language.SV, "Verksamhetsplan 2024",
                chunk("Facklig utbildning", "• 340 deltagare på LOs maktutbildning\n• 520 deltagare i grundläggande utbildning för medlemmar"),
                chunk("Viktiga datum 2024", "Höstmöte LO-distriktet i Västsverige 25 november"));
        put("vestoppland", Language.NO, "Hva vi gjør",
                chunk("Et fellesskap", "LOs lokalorganisasjoner er viktige møteplasser for tillitsvalgte fra fagforeningene."),
                chunk("Arbeiderkultur", "Vi skal arbeide videre med digitalisering av våre historiske videoprosjekter."));
        index.commit();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void aNameAskedFindsTheDocumentsAboutItThoughTheirPassagesNeverWriteIt() throws IOException {
        // two districts' passages say the same; only their documents' names tell them apart (the first indexed
        // would rank first on a tie)
        for (String district : List.of("gavleborg", "skane")) {
            index.replace(new DocumentRecord("lo-distriktet-" + district, "lo-distriktet-" + district + ".txt", "Om oss",
                    Language.SV, "hash-" + district, Instant.parse("2024-01-02T03:04:05Z"), 1),
                    List.of(chunk("Studier", "Distriktet ansvarar för gemensamma studier i regionen.")));
        }
        index.commit();

        for (String question : List.of("Vem ansvarar för gemensamma studier i Skåne?", "Who is responsible for joint studies in Skåne?")) {
            assertThat(search(question, Language.detect(question)).get(0).documentId()).as(question)
                    .isEqualTo("lo-distriktet-skane");
        }
    }

    @Test
    void findsASwedishCompoundFromItsLastPart() {
        List<Passage> found = search("Hur jobbar ni med rekrytering?", Language.SV);

        assertThat(found).isNotEmpty();
        assertThat(found.get(0).text()).contains("medlemsrekrytering");
    }

    @Test
    void findsAWordInAnotherInflection() {
        assertThat(search("Vad gör facket i kommunen?", Language.SV).get(0).text())
                .contains("LO-facken i kommunerna");
        assertThat(search("Hvor kan tillitsvalgte fra en fagforening møtes?", Language.NO).get(0).documentId())
                .isEqualTo("vestoppland");
        assertThat(search("Hur många distrikt finns det?", Language.SV).get(0).text())
                .contains("nio LO-distrikt");
    }

    @Test
    void findsAWholeNameBeforeNamesakesWhoShareOnePartOfIt() {
        List<Passage> found = search("Vem är Per Ek?", Language.SV);

        assertThat(found.get(0).text()).contains("Ansvarig: Per Ek 0150-732 52");
    }

    @Test
    void findsAnExactNumber() {
        assertThat(search("Vems nummer är 0150-732 56?", Language.SV).get(0).text())
                .contains("Berit Örtell");
        assertThat(search("Vad gäller för 340 deltagare?", Language.SV).get(0).text())
                .contains("maktutbildning");
    }

    @Test
    void findsASwedishPassageFromAnEnglishQuestionThroughTheGlossary() {
        List<Passage> found = search("When is the autumn meeting?", Language.EN);

        assertThat(found).isNotEmpty();
        assertThat(found.get(0).text()).contains("Höstmöte");
    }

    @Test
    void returnsPassagesWithTheirDocumentTitleAndHeadingPath() {
        Passage passage = search("Vem är Daniel Rubinsson?", Language.SV).get(0);

        assertThat(passage.documentId()).isEqualTo("mellansverige");
        assertThat(passage.title()).isEqualTo("Om oss");
        assertThat(passage.headingPath()).isEqualTo("Om oss › Facklig utbildning");
        assertThat(passage.language()).isEqualTo(Language.SV);
        assertThat(passage.score()).isPositive();
    }

    @Test
    void findsNothingForWordsNoPassageHolds() {
        assertThat(search("pizza kebab", Language.SV)).isEmpty();
    }

    @Test
    void aReplacedDocumentIsFoundOnlyByItsNewTextAfterCommit() throws IOException {
        put("plan", Language.SV, "Verksamhetsplan 2025", chunk("Viktiga datum 2025", "Höstmöte LO-distriktet i Västsverige 3 december"));

        assertThat(search("höstmöte", Language.SV)).extracting(Passage::text)
                .as("not visible before commit").containsExactly("Höstmöte LO-distriktet i Västsverige 25 november");

        index.commit();

        assertThat(search("höstmöte", Language.SV)).extracting(Passage::text)
                .containsExactly("Höstmöte LO-distriktet i Västsverige 3 december");
        assertThat(search("maktutbildning", Language.SV)).isEmpty();
        assertThat(index.passages("plan")).extracting(Passage::text)
                .containsExactly("Höstmöte LO-distriktet i Västsverige 3 december");
        assertThat(index.document("plan")).get().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Verksamhetsplan 2025");
            assertThat(d.chunks()).isEqualTo(1);
        });
    }

    @Test
    void aDeletedDocumentIsNoLongerFoundAfterCommit() throws IOException {
        index.delete("vestoppland");
        index.commit();

        assertThat(search("Hva er lokalorganisasjoner?", Language.NO)).noneMatch(p -> p.documentId().equals("vestoppland"));
        assertThat(search("videoprosjekter", Language.NO)).isEmpty();
        assertThat(index.passages("vestoppland")).isEmpty();
        assertThat(index.document("vestoppland")).isEmpty();
        assertThat(index.documents()).extracting(DocumentRecord::documentId)
                .containsExactly("lokalt", "mellansverige", "plan");
    }

    @Test
    void keepsDocumentsAndPassagesInOrderAcrossAReopen() throws IOException {
        index.close();
        index = Indexes.open(directory);

        assertThat(index.documents()).extracting(DocumentRecord::documentId)
                .containsExactly("lokalt", "mellansverige", "plan", "vestoppland");
        assertThat(index.document("mellansverige")).get().satisfies(d -> {
            assertThat(d.fileName()).isEqualTo("mellansverige.txt");
            assertThat(d.language()).isEqualTo(Language.SV);
            assertThat(d.contentHash()).isEqualTo("hash-mellansverige");
            assertThat(d.updatedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
            assertThat(d.chunks()).isEqualTo(6);
        });
        assertThat(index.passages("mellansverige")).extracting(Passage::ordinal).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(index.passages("mellansverige").get(1).headingPath()).isEqualTo("Om oss › Facklig utbildning");
        assertThat(search("Vem är Per Ek?", Language.SV).get(0).text()).contains("0150-732 52");
    }

    @Test
    void aDocumentsRecordIsFoundByItsIdAndTheCountFollowsCommits() throws IOException {
        int before = index.documentCount();
        DocumentRecord record = new DocumentRecord("ny-plan", "ny-plan.md", "Ny plan", Language.SV, "hash-1",
                Instant.parse("2025-03-04T05:06:07Z"), 2);
        index.replace(record, List.of(chunk("Ny plan", "Första avsnittet."), chunk("Ny plan", "Andra avsnittet.")),
                "123:456");
        assertThat(index.documentCount()).isEqualTo(before); // not yet committed
        index.commit();

        assertThat(index.documentCount()).isEqualTo(before + 1);
        assertThat(index.document("ny-plan")).contains(record);
        assertThat(index.document("ny")).isEmpty();
        assertThat(index.entries().get("ny-plan")).satisfies(e -> {
            assertThat(e.record()).isEqualTo(record);
            assertThat(e.format()).isEqualTo(index.format());
            assertThat(e.stamp()).isEqualTo("123:456");
        });
        assertThat(index.documents()).contains(record).hasSize(before + 1);

        DocumentRecord renamed = new DocumentRecord("ny-plan", "ny-plan.txt", "Ny plan 2", Language.SV, "hash-2",
                Instant.parse("2025-03-05T05:06:07Z"), 1);
        index.replace(renamed, List.of(chunk("Ny plan 2", "Enda avsnittet.")));
        index.commit();
        assertThat(index.document("ny-plan")).contains(renamed);
        assertThat(index.documentCount()).isEqualTo(before + 1);

        index.delete("ny-plan");
        index.commit();
        assertThat(index.document("ny-plan")).isEmpty();
        assertThat(index.documentCount()).isEqualTo(before);
    }

    @Test
    void aQuestionIsSearchedByTermsAndPhrasesOnlyNeverByPrefixOrPattern() {
        for (String question : List.of("Hur jobbar ni med rekrytering?", "Vem är Per Ek?", "When is the autumn meeting?",
                "Vad gör facket i kommunen?", "Vems nummer är 0150-732 56?")) {
            List<String> leaves = leaves(index.keywordQuery(question, Language.detect(question), "", Set.of()));

            assertThat(leaves).as(question).isNotEmpty()
                    .allMatch(leaf -> leaf.startsWith("term ") || leaf.startsWith("phrase "));
        }
    }

    @Test
    void aSwedishWordNoSynonymTranslatesIsSearchedInTheNorwegianFieldsTooForTheLanguagesShareMostWords() {
        List<String> leaves = leaves(index.keywordQuery("Var finns tjänstgöringsrapporten?", Language.SV, "", Set.of()));

        assertThat(leaves).anyMatch(leaf -> leaf.startsWith("term body_sv:tjänstgöringsrapport"))
                .anyMatch(leaf -> leaf.startsWith("term body_no:tjänstgöringsrapport"))
                .noneMatch(leaf -> leaf.contains("_en:"));
    }

    @Test
    void aNameAndANumberAreSearchedInEveryLanguageOfThePassages() {
        List<String> leaves = leaves(index.keywordQuery("Vem är Rubinsson på 0150?", Language.SV, "", Set.of()));

        assertThat(leaves).contains("term body_sv:0150", "term body_no:0150")
                .anyMatch(leaf -> leaf.startsWith("term body_sv:rubinss"))
                .anyMatch(leaf -> leaf.startsWith("term body_no:rubinss"))
                .noneMatch(leaf -> leaf.contains("_en:"));
    }

    @Test
    void aQuestionInALanguageNoPassageIsWrittenInIsTriedWordForWordInThePassagesLanguages() {
        List<String> leaves = leaves(index.keywordQuery("Who coordinates the digitalisering?", Language.EN, "", Set.of()));

        assertThat(leaves).anyMatch(leaf -> leaf.startsWith("term body_sv:"))
                .anyMatch(leaf -> leaf.startsWith("term body_no:"))
                .noneMatch(leaf -> leaf.contains("_en:"));
    }

    /** Every leaf of a query as "term field:text" or "phrase field:…"; anything else by its class. */
    private static List<String> leaves(org.apache.lucene.search.Query query) {
        List<String> out = new java.util.ArrayList<>();
        collect(query, out);
        return out;
    }

    private static void collect(org.apache.lucene.search.Query query, List<String> out) {
        switch (query) {
            case org.apache.lucene.search.BooleanQuery bool -> bool.clauses().forEach(c -> collect(c.query(), out));
            case org.apache.lucene.search.BoostQuery boost -> collect(boost.getQuery(), out);
            case org.apache.lucene.search.TermQuery term -> out.add("term " + term.getTerm().field() + ":" + term.getTerm().text());
            case org.apache.lucene.search.PhraseQuery phrase -> out.add("phrase " + phrase.getField() + ":"
                    + java.util.Arrays.stream(phrase.getTerms()).map(t -> t.text()).toList());
            default -> out.add(query.getClass().getSimpleName() + " " + query);
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
