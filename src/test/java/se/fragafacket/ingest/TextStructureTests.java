package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.Settings;
import se.fragafacket.ingest.Block.Kind;

class TextStructureTests {

    private final TextStructure structure = new TextStructure(
            new TextCleaner(Settings.defaults("fraga.ingest", IngestProperties.class).debris()));

    @Test
    void readsMarkdownHeadingsWithTheirLevelsAndListItems() {
        List<Block> blocks = structure.blocks("""
                # Verksamhetsplan 2024

                ## Skola

                Skolinformation är viktig för det framtida fackliga arbetet.

                - Genomföra 70 skolinformationer inom SFI.
                - Genomföra 20 skolinformationer inom folkhögskolor och Komvux.
                  - Minst en kurs i Om facket
                1. Rekrytera skolorganisatörer
                ### **Viktiga datum 2024** ###
                """);

        assertThat(blocks).extracting(Block::kind, Block::level, Block::text).containsExactly(
                tuple(Kind.HEADING, 1, "Verksamhetsplan 2024"),
                tuple(Kind.HEADING, 2, "Skola"),
                tuple(Kind.PARAGRAPH, 0, "Skolinformation är viktig för det framtida fackliga arbetet."),
                tuple(Kind.LIST_ITEM, 1, "Genomföra 70 skolinformationer inom SFI."),
                tuple(Kind.LIST_ITEM, 1, "Genomföra 20 skolinformationer inom folkhögskolor och Komvux."),
                tuple(Kind.LIST_ITEM, 2, "Minst en kurs i Om facket"),
                tuple(Kind.LIST_ITEM, 1, "Rekrytera skolorganisatörer"),
                tuple(Kind.HEADING, 3, "Viktiga datum 2024"));
    }

    @Test
    void joinsTheWrappedLinesOfAParagraphAndSplitsParagraphsAtBlankLines() {
        List<Block> blocks = structure.blocks("""
                LO-distriktet är en samorganisation för 41 medlemsorganisationer
                i Södermanland, Västmanland, Östergötland och Uppsala län. Huvud-
                kontoret ligger i Katrineholm.

                Distriktet har drygt 180 000 medlemmar.
                """);

        assertThat(blocks).extracting(Block::kind, Block::text).containsExactly(
                tuple(Kind.PARAGRAPH, "LO-distriktet är en samorganisation för 41 medlemsorganisationer i Södermanland, "
                        + "Västmanland, Östergötland och Uppsala län. Huvud-kontoret ligger i Katrineholm."),
                tuple(Kind.PARAGRAPH, "Distriktet har drygt 180 000 medlemmar."));
    }

    @Test
    void guessesAShortLineBeforeAParagraphInPlainTextAsAHeading() {
        List<Block> blocks = structure.blocks("""
                Facklig utbildning

                LO-distriktets ansvar är att tillsammans med ABF-distrikten tillgodose behovet av gemensamma studier.

                ARBETSMARKNAD

                LO-distriktet ska tillsammans med LO-facken samordna arbetsmarknadsfrågorna på lokal nivå.
                """);

        assertThat(blocks).extracting(Block::kind, Block::level, Block::text).containsExactly(
                tuple(Kind.HEADING, Block.GUESSED_HEADING, "Facklig utbildning"),
                tuple(Kind.PARAGRAPH, 0, "LO-distriktets ansvar är att tillsammans med ABF-distrikten tillgodose behovet av gemensamma studier."),
                tuple(Kind.HEADING, Block.GUESSED_HEADING, "Arbetsmarknad"),
                tuple(Kind.PARAGRAPH, 0, "LO-distriktet ska tillsammans med LO-facken samordna arbetsmarknadsfrågorna på lokal nivå."));
    }

    @Test
    void doesNotTakeAShortFactOrASentenceForAHeading() {
        List<Block> blocks = structure.blocks("""
                Höstmöte LO-distriktet i Västsverige 25 november

                Ring oss gärna.

                Tel: 0150-732 52

                LO-distriktet ska också eftersträva en god representation, insyn och påverkan i lokala organ.
                """);

        assertThat(blocks).extracting(Block::kind).containsOnly(Kind.PARAGRAPH);
        assertThat(blocks).extracting(Block::text).contains("Höstmöte LO-distriktet i Västsverige 25 november",
                "Ring oss gärna.", "Tel: 0150-732 52");
    }

    @Test
    void aShortLineHeadsTheListAfterIt() {
        List<Block> blocks = structure.blocks("""
                Arbeiderkultur

                • Legge til rette for flere kulturelle begivenheter.
                • Arbeide videre med digitalisering av våre historiske videoprosjekter.
                """);

        assertThat(blocks).extracting(Block::kind, Block::text).containsExactly(
                tuple(Kind.HEADING, "Arbeiderkultur"),
                tuple(Kind.LIST_ITEM, "Legge til rette for flere kulturelle begivenheter."),
                tuple(Kind.LIST_ITEM, "Arbeide videre med digitalisering av våre historiske videoprosjekter."));
    }

    @Test
    void dropsSharingDebrisAPhotoCreditAndItsCaptionButNotTheFactsAround() {
        List<Block> blocks = structure.blocks("""
                Fråga facket Fråga facket

                LO-distriktet är en samorganisation för 41 medlemsorganisationer.

                Publicerad Uppdaterad
                Kopiera länk för delning

                Medlemmar IF Metall
                Foto: Lars Forsstedt

                Distriktet har drygt 180 000 medlemmar.
                * * *
                - - -
                """);

        assertThat(blocks).extracting(Block::text).containsExactly(
                "LO-distriktet är en samorganisation för 41 medlemsorganisationer.",
                "Distriktet har drygt 180 000 medlemmar.");
    }

    @Test
    void dropsATableOfContentsWithDotLeaders() {
        List<Block> blocks = structure.blocks("""
                ## Innehåll

                INNEHÅLL .....\t2
                INLEDNING .....\t2
                SKOLA.....\t6

                ## Inledning

                LO-distriktets uppgift är att samordna och stötta förbundens organisation.
                """);

        assertThat(blocks).extracting(Block::kind, Block::text).containsExactly(
                tuple(Kind.HEADING, "Innehåll"),
                tuple(Kind.HEADING, "Inledning"),
                tuple(Kind.PARAGRAPH, "LO-distriktets uppgift är att samordna och stötta förbundens organisation."));
    }

    @Test
    void keepsTheHelpLineThatOpensTheMellansverigePage() throws Exception {
        String page = Files.readString(Path.of("knowledge/lo-mellansverige-om-oss.txt"), StandardCharsets.UTF_8);
        assertThat(page.lines().findFirst()).hasValue("020560056 ring fackets hjälptelefon");

        List<Block> blocks = structure.blocks(page);

        assertThat(blocks.get(0)).isEqualTo(new Block(Kind.PARAGRAPH, 0, "020560056 ring fackets hjälptelefon"));
        assertThat(blocks).extracting(Block::text)
                .noneMatch(t -> t.contains("Publicerad") || t.contains("Kopiera länk") || t.contains("Foto:")
                        || t.contains("Lars Forsstedt") || t.equals("Medlemmar IF Metall"))
                .contains("Distriktet har drygt 180 000 medlemmar och är indelat i 15 stycken LO-fack som lokalt organiserar verksamheten.",
                        "Ansvarig: Per Ek 0150-732 52",
                        "Annika Nilsson, Kanslichef LO");
    }
}
