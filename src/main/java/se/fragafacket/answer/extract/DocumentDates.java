package se.fragafacket.answer.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.fragafacket.ingest.MetadataReader;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.KnowledgeIndex;

/**
 * Whom a document speaks for and the date it states for itself ("Senast granskad: 2024-02-15", "Sist oppdatert mars 2024"), read
 * from its text at ingestion ({@link MetadataReader}), or the one staff set: a newer copy of a page outranks an
 * older one.
 */
public final class DocumentDates implements Function<String, LocalDate> {

    private final KnowledgeIndex index;

    public DocumentDates(KnowledgeIndex index) {
        this.index = index;
    }

    /** The document's date: staff's, else the one its text states (read at ingestion), else null. */
    public LocalDate date(String documentId) {
        return index.document(documentId).map(document -> document.metadata().date()).orElse(null);
    }

    @Override
    public LocalDate apply(String documentId) {
        return date(documentId);
    }

    /** Whom the document speaks for, as one text: its organisation, district and region (staff's or read), or "". */
    public String speaker(String documentId) {
        return index.document(documentId).map(document -> {
            DocumentMetadata metadata = document.metadata();
            return Stream.of(metadata.organisation(), metadata.district(), metadata.region())
                    .filter(java.util.Objects::nonNull).collect(Collectors.joining("\n"));
        }).orElse("");
    }

    /** The first date on a line that says it is the page's own (checked, updated, published), else null. */
    public static LocalDate read(List<String> texts) {
        return MetadataReader.date(texts);
    }

    static LocalDate parse(String line) {
        return MetadataReader.parseDate(line);
    }
}
