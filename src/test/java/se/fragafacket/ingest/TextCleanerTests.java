package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.fragafacket.Settings;

class TextCleanerTests {

    private final TextCleaner cleaner = new TextCleaner(
            Settings.defaults("fraga.ingest", IngestProperties.class).debris());

    @ParameterizedTest
    @ValueSource(strings = {
            "Publicerad Uppdaterad",
            "Publicerad 2024-03-01 Uppdaterad 2024-03-05",
            "Kopiera länk för delning",
            "Kopiera länk",
            "Foto: Lars Forsstedt",
            "Bild: TT",
            "Dela på Facebook",
            "Läs mer här",
            "Les mer her",
            "Følg oss på sosiale medier",
            "Till toppen",
            "- - -",
            "* * *",
            "———",
            "INLEDNING .....\t2",
            "ANNAN VERKSAMHET (ORGANISERING) ..... 7",
            "Kapitel ett …… 12"})
    void dropsLinesThatAreOnlyWebPageDebris(String line) {
        assertThat(cleaner.clean(line)).isEmpty();
    }

    @Test
    void dropsASiteNameWrittenTwice() {
        assertThat(cleaner.clean("Fråga facket Fråga facket")).isEmpty();
        assertThat(cleaner.clean("LO Mellansverige LO Mellansverige")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "020560056 ring fackets hjälptelefon",
            "Ansvarig: Per Ek 0150-732 52",
            "Distriktet har drygt 180 000 medlemmar och är indelat i 15 stycken LO-fack som lokalt organiserar verksamheten.",
            "Publicerade rapporter finns hos LO-distriktet.",
            "Fotografen Lars tog bilden vid första maj.",
            "Höstmöte LO-distriktet i Västsverige 25 november",
            "Vi ses vecka 40.",
            "Hva vi gjør"})
    void keepsLinesThatCarryFacts(String line) {
        assertThat(cleaner.clean(line)).isEqualTo(line);
    }

    @Test
    void collapsesWhiteSpaceIncludingNoBreakSpaces() {
        assertThat(cleaner.clean("  Drygt\u00A0180\u00A0000   medlemmar\t i\u200Bdistriktet  "))
                .isEqualTo("Drygt 180 000 medlemmar i distriktet");
    }

    @Test
    void removesMarkdownEmphasisButKeepsItsWords() {
        assertThat(cleaner.clean("**Viktiga datum 2024**")).isEqualTo("Viktiga datum 2024");
        assertThat(cleaner.clean("Ring *Fråga facket* på `020-56 00 56`"))
                .isEqualTo("Ring Fråga facket på 020-56 00 56");
    }

    @Test
    void separatesAnImageTextGluedToTheWordBefore() {
        assertThat(cleaner.clean("Ungefär i mittenKarta Mellansverige finns huvudkontoret"))
                .isEqualTo("Ungefär i mitten Karta Mellansverige finns huvudkontoret");
    }

    @Test
    void keepsNamesWithInnerCapitalsApart() {
        // "LO-Mellansverige", "IF Metall": a capital after a hyphen or two capitals is not glued alt text
        assertThat(cleaner.clean("LO-Mellansverige och IF Metall")).isEqualTo("LO-Mellansverige och IF Metall");
    }
}
