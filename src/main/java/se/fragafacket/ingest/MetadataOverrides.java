package se.fragafacket.ingest;

import java.util.Map;

import se.fragafacket.search.DocumentMetadata;

/**
 * What staff set of documents' titles, organisations, districts, regions and dates, by documentId: kept apart
 * from the files, so an override outlives a file being replaced until staff clear it. By default a file in
 * {@code fraga.data-dir} ({@link LocalMetadataOverrides}); in the shared mode a PostgreSQL table every instance
 * reads ({@code se.fragafacket.store.SharedMetadataOverrides}).
 */
public interface MetadataOverrides {

    /** Every document's override that sets anything. */
    Map<String, DocumentMetadata> all();

    /** Sets a document's override; {@link DocumentMetadata#NONE} clears it. */
    void put(String documentId, DocumentMetadata override);
}
