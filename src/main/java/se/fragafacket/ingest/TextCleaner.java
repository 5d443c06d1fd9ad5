package se.fragafacket.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Removes what web pages and exports carry around the facts: sharing links, photo credits, dot leaders. */
final class TextCleaner {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");
    /** A table of contents line: "INLEDNING ..... 2". */
    private static final Pattern DOT_LEADER = Pattern.compile(".*(\\.{4,}|…{2,})\\s*\\d+\\s*$");
    /** The same phrase twice on one line, as a site's logo text and name often come out. */
    private static final Pattern DOUBLED = Pattern.compile("^(.{3,}?)\\s+\\1$");
    /** An image's alt text glued to the word before it: "mittenKarta". */
    private static final Pattern GLUED = Pattern.compile("(\\p{Ll}{2})(\\p{Lu}\\p{Ll}{2})");
    private static final Pattern MARKDOWN_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)(\\S.*?\\S|\\S)\\1");

    private final List<Pattern> debris;

    TextCleaner(List<String> debrisPatterns) {
        this.debris = debrisPatterns.stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    /** The line cleaned, or empty when nothing of it is worth keeping. */
    String clean(String line) {
        String text = SPACES.matcher(line).replaceAll(" ").strip();
        text = MARKDOWN_EMPHASIS.matcher(text).replaceAll("$2");
        text = GLUED.matcher(text).replaceAll("$1 $2");
        if (text.isEmpty() || DOT_LEADER.matcher(text).matches() || DOUBLED.matcher(text).matches()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern pattern : debris) {
            if (pattern.matcher(lower).matches()) {
                return "";
            }
        }
        return text;
    }
}
