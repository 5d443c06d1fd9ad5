package se.fragafacket.ingest;

/**
 * A unit of a document's structure.
 *
 * @param kind  what it is
 * @param level heading depth (1 outermost); for list items their nesting; 0 otherwise
 * @param text  its cleaned text
 */
record Block(Kind kind, int level, String text) {

    enum Kind { HEADING, PARAGRAPH, LIST_ITEM }

    /** Level of a heading only guessed from layout (a short line before a paragraph): below all marked ones. */
    static final int GUESSED_HEADING = 9;
}
