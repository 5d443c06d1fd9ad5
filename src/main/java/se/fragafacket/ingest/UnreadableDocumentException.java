package se.fragafacket.ingest;

/** A file that cannot be taken into the knowledge base; the message says why in plain words. */
public class UnreadableDocumentException extends Exception {
    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
