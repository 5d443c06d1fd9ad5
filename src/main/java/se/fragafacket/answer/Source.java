package se.fragafacket.answer;

/**
 * Where an answer comes from.
 *
 * @param documentId the knowledge file's name without extension
 * @param title      the document's title
 * @param snippet    the passage quoted, with where in the document it stands
 */
public record Source(String documentId, String title, String snippet) {
}
