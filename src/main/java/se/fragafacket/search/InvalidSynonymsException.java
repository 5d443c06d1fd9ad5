package se.fragafacket.search;

/** A synonyms text that cannot be read: which line, and why. */
public final class InvalidSynonymsException extends IllegalArgumentException {

    private final int line;

    public InvalidSynonymsException(int line, String text, String reason) {
        super("line " + line + " (\"" + abbreviate(text) + "\"): " + reason);
        this.line = line;
    }

    /** The line (1-based) that cannot be read. */
    public int line() {
        return line;
    }

    private static String abbreviate(String text) {
        String stripped = text.strip();
        return stripped.length() > 80 ? stripped.substring(0, 77) + "…" : stripped;
    }
}
