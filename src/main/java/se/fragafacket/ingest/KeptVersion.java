package se.fragafacket.ingest;

import java.time.Instant;

/**
 * An earlier version of a knowledge document, kept when it was replaced or deleted so it can be restored.
 *
 * @param versionId   identifies the version among its document's kept versions; sorts by age
 * @param documentId  the document it was a version of
 * @param fileName    its file name in the knowledge folder at the time
 * @param reason      {@code replaced} or {@code deleted}
 * @param keptAt      when it left the knowledge folder
 * @param size        its size in bytes
 * @param contentHash SHA-256 of its bytes
 */
public record KeptVersion(String versionId, String documentId, String fileName, String reason, Instant keptAt,
                          long size, String contentHash) {

    public static final String REPLACED = "replaced";
    public static final String DELETED = "deleted";
}
