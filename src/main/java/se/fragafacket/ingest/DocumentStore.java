package se.fragafacket.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.DocumentRecord;

/**
 * Where staff changes to the knowledge documents go, with the versions they replace or delete. The default is
 * {@link KnowledgeBase} itself (the knowledge folder and {@code fraga.data-dir}/history); in the shared mode
 * PostgreSQL holds them and every instance's index follows ({@code se.fragafacket.store.SharedDocuments}).
 */
public interface DocumentStore {

    DocumentRecord put(String fileName, byte[] content) throws UnreadableDocumentException, IOException;

    boolean remove(String documentId) throws IOException;

    List<KeptVersion> versions(String documentId) throws IOException;

    List<KeptVersion> versions() throws IOException;

    Optional<DocumentRecord> restore(String documentId, String versionId) throws UnreadableDocumentException, IOException;

    int pruneVersions(String documentId, int keep) throws IOException;

    /**
     * Sets staff's title, organisation, district, region and date of a document ({@link DocumentMetadata#NONE}
     * clears them); answers and titles use them when this returns. Empty when there is no such document.
     */
    Optional<DocumentRecord> describe(String documentId, DocumentMetadata override)
            throws UnreadableDocumentException, IOException;
}
