package se.fragafacket.search;

import java.util.List;

/**
 * A passage of a document to index.
 *
 * @param headings the heading path above it, outermost first ("Verksamhetsplan 2024", "Skola")
 * @param text     its text; one paragraph or list item ("• …") a line
 */
public record ChunkRecord(List<String> headings, String text) {

    public static final String HEADING_SEPARATOR = " › ";

    public String headingPath() {
        return String.join(HEADING_SEPARATOR, headings);
    }
}
