package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.Settings;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.Language;

class MetadataReaderTests {

    private final DocumentParser parser = new DocumentParser(Settings.defaults("fraga.ingest", IngestProperties.class));

    private DocumentMetadata read(String fileName, String text) throws Exception {
        ParsedDocument parsed = parser.parse(fileName, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return MetadataReader.read(parsed.title(), parsed.blocks().stream().map(Block::text).toList(), parsed.language());
    }

    @Test
    void aSwedishDistrictNamedOnlyFurtherDownIsWhomThePageSpeaksFor() throws Exception {
        DocumentMetadata metadata = read("sida-7.txt", """
                Om oss

                LO-distriktet är en samorganisation för förbunden i fyra län. Distriktet har många medlemmar.

                Medlemmar IF Metall

                LO-distriktet i Mellansverige består av Östergötland, Södermanland, Västmanland och Uppsala län.
                """);
        assertThat(metadata.title()).as("the first line, not the file name").isEqualTo("Om oss");
        assertThat(metadata.organisation()).isEqualTo("LO");
        assertThat(metadata.district()).isEqualTo("LO-distriktet i Mellansverige");
        assertThat(metadata.region()).isEqualTo("Mellansverige");
        assertThat(metadata.date()).isNull();
        assertThat(metadata.displayTitle()).isEqualTo("Om oss — LO-distriktet i Mellansverige");
    }

    @Test
    void aLocalBodyInTheTitleAndTheDateOnAReviewedLine() throws Exception {
        DocumentMetadata metadata = read("a.md", """
                # Styrelsen i LO-facken i Alingsås

                Senast uppdaterad: 2024-03-05

                Styrelsen har sju ledamöter.
                """);
        assertThat(metadata.district()).isEqualTo("LO-facken i Alingsås");
        assertThat(metadata.region()).isEqualTo("Alingsås");
        assertThat(metadata.date()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(metadata.displayTitle()).as("the title names it already").isEqualTo("Styrelsen i LO-facken i Alingsås");
    }

    @Test
    void aUnionAndItsLocalPartFromTheOpeningLine() throws Exception {
        DocumentMetadata metadata = read("semester.md", """
                # Semester – frågor och svar

                Kommunal sektion Östra Göteborg. Senast granskad: 2023-11-10

                ## Hur många semesterdagar har jag rätt till?

                Alla anställda har rätt till 25 semesterdagar per år.
                """);
        assertThat(metadata.organisation()).isEqualTo("Kommunal");
        assertThat(metadata.district()).isEqualTo("Kommunal sektion Östra Göteborg");
        assertThat(metadata.region()).isEqualTo("Östra Göteborg");
        assertThat(metadata.date()).isEqualTo(LocalDate.of(2023, 11, 10));
        assertThat(metadata.displayTitle()).isEqualTo("Semester – frågor och svar — Kommunal sektion Östra Göteborg");

        DocumentMetadata handels = MetadataReader.read("Medlemsavgift", List.of(
                "Handelsanställdas förbund, avdelning 20 (Stockholm). Senast granskad: 2024-04-02"), Language.SV);
        assertThat(handels.organisation()).isEqualTo("Handels");
        assertThat(handels.district()).isEqualTo("Handels avdelning 20");
        assertThat(handels.region()).isEqualTo("Stockholm");
    }

    @Test
    void aNorwegianLocalOrganisationSpeaksForLoNorge() throws Exception {
        DocumentMetadata metadata = read("side.txt", """
                Hva vi gjør

                LO i Vestoppland er en arbeidstakerorganisasjon for medlemsforeningene og medlemmene deres.

                Sist oppdatert mars 2024
                """);
        assertThat(metadata.title()).isEqualTo("Hva vi gjør");
        assertThat(metadata.organisation()).isEqualTo("LO Norge");
        assertThat(metadata.district()).isEqualTo("LO i Vestoppland");
        assertThat(metadata.region()).isEqualTo("Vestoppland");
        assertThat(metadata.date()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(metadata.displayTitle()).isEqualTo("Hva vi gjør — LO i Vestoppland");
    }

    @Test
    void anEnglishPageOfAUnionBranch() throws Exception {
        DocumentMetadata metadata = read("safety.md", """
                # Safety representatives at your workplace

                IF Metall Göteborg. Last updated 3 March 2024.

                A safety representative speaks for the employees on the working environment.
                """);
        assertThat(metadata.organisation()).isEqualTo("IF Metall");
        assertThat(metadata.district()).isEqualTo("IF Metall Göteborg");
        assertThat(metadata.region()).isEqualTo("Göteborg");
        assertThat(metadata.date()).isEqualTo(LocalDate.of(2024, 3, 3));
        assertThat(metadata.displayTitle()).isEqualTo("Safety representatives at your workplace — IF Metall Göteborg");
    }

    @Test
    void aPageThatNamesNoOneKeepsItsTitleAlone() throws Exception {
        DocumentMetadata metadata = read("notes.txt", """
                Annual meeting

                The meeting is held in the spring. Lowercase words like lo or facket name no one.
                """);
        assertThat(metadata.organisation()).isNull();
        assertThat(metadata.district()).isNull();
        assertThat(metadata.displayTitle()).isEqualTo("Annual meeting");
    }

    @Test
    void staffValuesWinFieldByFieldAndTheTitleIsNotRepeated() {
        DocumentMetadata read = new DocumentMetadata("Om oss – LO-distriktet i Skåne", "LO", "LO-distriktet i Skåne",
                "Skåne", LocalDate.of(2021, 5, 4));
        assertThat(read.displayTitle()).isEqualTo("Om oss – LO-distriktet i Skåne");
        DocumentMetadata set = read.overriddenBy(new DocumentMetadata(null, null, "LO-distriktet i Skåne och Blekinge",
                null, LocalDate.of(2024, 2, 15)));
        assertThat(set.title()).isEqualTo("Om oss – LO-distriktet i Skåne");
        assertThat(set.region()).isEqualTo("Skåne");
        assertThat(set.date()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(set.displayTitle()).isEqualTo("Om oss – LO-distriktet i Skåne — LO-distriktet i Skåne och Blekinge");
    }

    /** An LO body is found where "LO" stands exactly as a search of the whole text finds it. */
    @Test
    void anLoBodyIsFoundAsTheWholeTextSearchFindsIt() throws java.io.IOException {
        List<String> texts = new java.util.ArrayList<>(List.of("LO i Skåne", "xLO i Skåne", "Om LO-distriktet i Västsverige",
                "LOLO i Mellansverige", "LO-facket i Alingsås och LO i Bergen", "LO i", "LO-facken i Norra Sverige", "LO"));
        for (String folder : List.of("knowledge", "src/test/resources/eval/kb")) {
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
                for (var file : files.toList()) {
                    texts.add(java.nio.file.Files.readString(file));
                    texts.addAll(java.nio.file.Files.readAllLines(file));
                }
            }
        }
        int found = 0;
        for (String text : texts) {
            var whole = MetadataReader.LO_BODY.matcher(text);
            var first = MetadataReader.firstLoBody(text);
            if (whole.find()) {
                found++;
                assertThat(first).as(text).isNotNull();
                assertThat(first.start()).as(text).isEqualTo(whole.start());
                assertThat(first.group()).as(text).isEqualTo(whole.group());
            } else {
                assertThat(first).as(text).isNull();
            }
        }
        assertThat(found).isGreaterThan(20);
    }
}
