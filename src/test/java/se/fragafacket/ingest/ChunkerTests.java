package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.Settings;
import se.fragafacket.ingest.Block.Kind;
import se.fragafacket.search.ChunkRecord;

class ChunkerTests {

    private static Block heading(int level, String text) {
        return new Block(Kind.HEADING, level, text);
    }

    private static Block paragraph(String text) {
        return new Block(Kind.PARAGRAPH, 0, text);
    }

    private static Block item(int level, String text) {
        return new Block(Kind.LIST_ITEM, level, text);
    }

    @Test
    void eachSectionIsAPassageThatKnowsItsHeadingPath() {
        List<ChunkRecord> chunks = new Chunker(900).chunk("Verksamhetsplan 2024", List.of(
                heading(1, "Verksamhetsplan 2024"),
                heading(2, "Ung"),
                paragraph("Erbjuda unga medlemmar utbildningar."),
                heading(2, "Skola"),
                paragraph("Att ungdomar tidigt får koll på jobbet är avgörande."),
                heading(3, "Mål"),
                item(1, "Genomföra 70 skolinformationer inom SFI."),
                heading(2, "Facklig utbildning"),
                paragraph("LO-distriktet ska erbjuda utbildningar.")));

        assertThat(chunks).extracting(ChunkRecord::headingPath).containsExactly(
                "Verksamhetsplan 2024 › Ung",
                "Verksamhetsplan 2024 › Skola",
                "Verksamhetsplan 2024 › Skola › Mål",
                "Verksamhetsplan 2024 › Facklig utbildning");
        assertThat(chunks.get(1).text()).isEqualTo("Att ungdomar tidigt får koll på jobbet är avgörande.");
    }

    @Test
    void aLoneBulletStillSaysWhatItIsAbout() {
        List<ChunkRecord> chunks = new Chunker(900).chunk("Verksamhetsplan 2024", List.of(
                heading(2, "Skola"),
                item(1, "Genomföra 20 skolinformationer inom folkhögskolor och Komvux."),
                item(2, "minst två per termin")));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.headings()).containsExactly("Verksamhetsplan 2024", "Skola");
            assertThat(chunk.text()).isEqualTo("• Genomföra 20 skolinformationer inom folkhögskolor och Komvux.\n"
                    + "  • minst två per termin");
        });
    }

    @Test
    void theTitleIsNotRepeatedWhenTheFirstHeadingIsTheTitle() {
        List<ChunkRecord> chunks = new Chunker(900).chunk("Om oss", List.of(
                paragraph("020560056 ring fackets hjälptelefon"),
                heading(9, "Om oss"),
                paragraph("LO-distriktet är en samorganisation.")));

        assertThat(chunks).extracting(ChunkRecord::headingPath).containsExactly("Om oss", "Om oss");
        assertThat(chunks.get(0).text()).isEqualTo("020560056 ring fackets hjälptelefon");
    }

    @Test
    void aLongSectionIsCutBetweenParagraphsWithinTheLimit() {
        String paragraph = "Detta är en mening om facklig verksamhet som fyller ut stycket ordentligt. ".repeat(3).strip();
        List<Block> blocks = new java.util.ArrayList<>();
        blocks.add(heading(2, "Lokal verksamhet"));
        for (int i = 0; i < 6; i++) {
            blocks.add(paragraph(i + ": " + paragraph));
        }

        List<ChunkRecord> chunks = new Chunker(500).chunk("Plan", blocks);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(500);
            assertThat(chunk.headingPath()).isEqualTo("Plan › Lokal verksamhet");
        });
        // cut between paragraphs: every paragraph is whole in exactly one passage
        for (int i = 0; i < 6; i++) {
            String whole = i + ": " + paragraph;
            assertThat(chunks).filteredOn(c -> c.text().lines().anyMatch(whole::equals)).hasSize(1);
        }
    }

    @Test
    void aParagraphLongerThanTheLimitIsCutBetweenSentences() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            text.append("Mening nummer ").append(i).append(" handlar om LO-distriktets arbete i Västsverige. ");
        }

        List<ChunkRecord> chunks = new Chunker(300).chunk("Plan", List.of(paragraph(text.toString().strip())));

        assertThat(chunks).hasSizeGreaterThan(5).allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(300);
            assertThat(chunk.text()).startsWith("Mening nummer ").endsWith("Västsverige.");
        });
        String rejoined = String.join(" ", chunks.stream().map(c -> c.text().replace('\n', ' ')).toList());
        assertThat(rejoined).isEqualTo(text.toString().strip());
    }

    @Test
    void theRealPlanIsCutIntoBoundedPassagesUnderItsOwnHeadings() throws Exception {
        IngestProperties properties = Settings.defaults("fraga.ingest", IngestProperties.class);
        Path file = Path.of("knowledge/verksamhetsplan-2024-lo-vastsverige.md");
        ParsedDocument parsed = new DocumentParser(properties).parse(file.getFileName().toString(), Files.readAllBytes(file));

        List<ChunkRecord> chunks = new Chunker(properties.maxChunkChars()).chunk(parsed.title(), parsed.blocks());

        assertThat(parsed.title()).isEqualTo("Verksamhetsplan 2024");
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(properties.maxChunkChars()));
        assertThat(chunks).filteredOn(c -> c.text().contains("Genomföra 20 skolinformationer inom folkhögskolor och Komvux."))
                .singleElement().extracting(ChunkRecord::headingPath).isEqualTo("Verksamhetsplan 2024 › Skola");
        assertThat(chunks).filteredOn(c -> c.text().contains("Internationella kvinnodagen 8 mars"))
                .singleElement().extracting(ChunkRecord::headingPath).asString().endsWith("› Viktiga datum 2024");
        assertThat(chunks).noneMatch(c -> c.text().contains("....."));
    }
}
