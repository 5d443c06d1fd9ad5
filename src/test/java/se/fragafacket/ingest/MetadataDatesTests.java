package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The date a document states for itself, read at ingestion. */
class MetadataDatesTests {

    @Test
    void aDocumentsOwnDateIsReadFromTheLineThatSaysSo() {
        assertThat(MetadataReader.date(List.of("Om oss\nSenast granskad: 2024-02-15\nText"))).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(MetadataReader.date(List.of("LO i Trondheim", "Sist oppdatert mars 2024"))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(MetadataReader.date(List.of("Publicerad 3 maj 2023"))).isEqualTo(LocalDate.of(2023, 5, 3));
    }

    @Test
    void aDateInTheTextThatIsNotThePagesOwnIsNotTaken() {
        assertThat(MetadataReader.date(List.of("Lönerna höjs 2024-05-01.", "Årsmötet är i mars 2025."))).isNull();
        assertThat(MetadataReader.date(List.of("Senast granskad: 2024-13-45"))).isNull();
    }
}
