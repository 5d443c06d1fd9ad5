package se.fragafacket.search;

import java.time.Instant;

/**
 * One knowledge document as the index knows it.
 *
 * @param documentId  the file's name without extension
 * @param fileName    the file's name in the knowledge folder
 * @param title       the document's own title, or its file name
 * @param language    the language its text is written in
 * @param contentHash SHA-256 of the file's bytes, to skip unchanged files on start
 * @param updatedAt   the file's modification time
 * @param chunks      how many passages it was cut into
 */
public record DocumentRecord(String documentId, String fileName, String title, Language language,
                             String contentHash, Instant updatedAt, int chunks) {
}
