package se.fragafacket.search;

/**
 * A retrieved passage.
 *
 * @param documentId  the document it comes from
 * @param title       that document's title
 * @param headingPath where in the document it stands ("Verksamhetsplan 2024 › Skola")
 * @param text        its text, a paragraph or list item a line
 * @param language    the document's language
 * @param ordinal     its position in the document
 * @param score       the fused retrieval score (higher is better; comparable only within one search)
 */
public record Passage(String documentId, String title, String headingPath, String text, Language language,
                      int ordinal, double score) {
}
