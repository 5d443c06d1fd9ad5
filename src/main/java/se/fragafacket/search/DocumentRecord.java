package se.fragafacket.search;

import java.time.Instant;

/**
 * One knowledge document as the index knows it.
 *
 * @param documentId  the file's name without extension
 * @param fileName    the file's name in the knowledge folder
 * @param title       the document's title: staff's, else its own (first heading or line), else its file name
 * @param language    the language its text is written in
 * @param contentHash SHA-256 of the file's bytes, to skip unchanged files on start
 * @param updatedAt   the file's modification time
 * @param chunks      how many passages it was cut into
 * @param read        whom it speaks for and when, as read from its content
 * @param override    what staff set of that ({@link DocumentMetadata#NONE} when nothing), kept until they clear it
 */
public record DocumentRecord(String documentId, String fileName, String title, Language language,
                             String contentHash, Instant updatedAt, int chunks, DocumentMetadata read,
                             DocumentMetadata override) {

    public DocumentRecord {
        read = read == null ? DocumentMetadata.titled(title) : read;
        override = override == null ? DocumentMetadata.NONE : override;
    }

    /** A document with only a title known of it. */
    public DocumentRecord(String documentId, String fileName, String title, Language language,
                          String contentHash, Instant updatedAt, int chunks) {
        this(documentId, fileName, title, language, contentHash, updatedAt, chunks, DocumentMetadata.titled(title),
                DocumentMetadata.NONE);
    }

    /** What holds: what was read, with staff's values where they set any. */
    public DocumentMetadata metadata() {
        return read.overriddenBy(override).overriddenBy(DocumentMetadata.titled(title));
    }

    /** The title members see, naming whom the document speaks for. */
    public String displayTitle() {
        String display = metadata().displayTitle();
        return display == null ? title : display;
    }

    public DocumentRecord withChunks(int count) {
        return new DocumentRecord(documentId, fileName, title, language, contentHash, updatedAt, count, read, override);
    }
}
