package se.fragafacket.curation;

import java.time.Instant;

/**
 * Published after staff changed the knowledge base (the change is already visible to answers).
 *
 * @param action     upload, replace, delete or restore
 * @param documentId the document changed
 * @param fileName   its file name now (or before it was deleted)
 * @param user       the staff member who did it
 */
public record KnowledgeChanged(String action, String documentId, String fileName, String user, Instant at) {
}
