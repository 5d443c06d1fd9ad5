package se.fragafacket.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the structure of text that arrives as lines (plain text, Markdown, PDF): Markdown headings, list
 * items, paragraphs (wrapped lines joined), and headings that are only layout — a short line without
 * closing punctuation, standing before a paragraph or a list.
 */
final class TextStructure {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)(?:[-*+•·▪◦–]|\\d{1,2}[.)])\\s+(.*)$");
    private static final int MAX_GUESSED_HEADING = 120;
    private static final Pattern PHOTO_CREDIT = Pattern.compile("(?i)(foto|bild|photo|fotograf)\\s*:.*");

    private final TextCleaner cleaner;

    TextStructure(TextCleaner cleaner) {
        this.cleaner = cleaner;
    }

    List<Block> blocks(String text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text.split("\\R", -1)) {
            String line = raw.replace('\u00A0', ' ');
            if (PHOTO_CREDIT.matcher(line.strip()).matches() && !lines.isEmpty()
                    && lines.get(lines.size() - 1).kind == LineKind.TEXT
                    && lines.get(lines.size() - 1).text.length() <= 60) {
                lines.set(lines.size() - 1, new Line(LineKind.DEBRIS, 0, "")); // the photo's caption
            }
            lines.add(Line.of(line, cleaner));
        }
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.kind == LineKind.BLANK || line.kind == LineKind.DEBRIS) {
                if (line.kind == LineKind.BLANK) {
                    flush(paragraph, blocks);
                }
                continue;
            }
            if (line.kind == LineKind.HEADING || line.kind == LineKind.ITEM) {
                flush(paragraph, blocks);
                blocks.add(new Block(line.kind == LineKind.HEADING ? Block.Kind.HEADING : Block.Kind.LIST_ITEM,
                        line.level, line.text));
                continue;
            }
            boolean startsBlock = paragraph.isEmpty();
            if (startsBlock && looksLikeHeading(line.text) && introducesContent(lines, i)) {
                blocks.add(new Block(Block.Kind.HEADING, Block.GUESSED_HEADING, sentenceCase(line.text)));
                continue;
            }
            if (!paragraph.isEmpty()) {
                paragraph.append(paragraph.charAt(paragraph.length() - 1) == '-' ? "" : " ");
            }
            paragraph.append(line.text);
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block(Block.Kind.PARAGRAPH, 0, paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    static boolean looksLikeHeading(String text) {
        if (text.length() > MAX_GUESSED_HEADING || text.split(" ").length > 18) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return Character.isLetterOrDigit(last) && Character.isLetter(text.codePointAt(0))
                && text.indexOf(':') < 0 && !text.contains("@") && text.chars().anyMatch(Character::isLetter);
    }

    /**
     * A guessed heading must stand before something it heads: a paragraph of sentences, or a list. A line
     * directly above another (no blank line between) heads it when that one starts a new sentence, as a
     * label does its value ("Ansvarig utgivare för LO.se" / "Annika Nilsson, Kanslichef LO"); a line with a
     * number in it heads only a list ("LO-kongress 2025"), else it is a fact ("Höstmöte … 25 november").
     */
    private static boolean introducesContent(List<Line> lines, int index) {
        boolean hasDigit = lines.get(index).text.chars().anyMatch(Character::isDigit);
        if (index + 1 < lines.size() && lines.get(index + 1).kind == LineKind.TEXT) {
            String next = lines.get(index + 1).text;
            return !hasDigit && (Character.isUpperCase(next.codePointAt(0)) || Character.isDigit(next.codePointAt(0)))
                    && !endsWithJoiningWord(lines.get(index).text);
        }
        for (int j = index + 1; j < lines.size(); j++) {
            Line next = lines.get(j);
            switch (next.kind) {
                case BLANK, DEBRIS -> {
                    continue;
                }
                case ITEM -> {
                    return true;
                }
                case HEADING -> {
                    return false;
                }
                case TEXT -> {
                    return !hasDigit && (next.text.length() >= 60 || next.text.endsWith(".") || next.text.endsWith(":"));
                }
            }
        }
        return false;
    }

    private static final java.util.Set<String> JOINING_WORDS = java.util.Set.of(
            "och", "eller", "i", "på", "för", "av", "med", "till", "som", "att", "om", "en", "ett", "den", "det",
            "og", "for", "til", "å", "and", "or", "in", "on", "of", "with", "to", "the", "a", "an");

    /** A line ending in "och" or "för" was wrapped, not finished. */
    private static boolean endsWithJoiningWord(String text) {
        int space = text.lastIndexOf(' ');
        return JOINING_WORDS.contains(text.substring(space + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** "HVA VI GJØR" → "Hva vi gjør"; headings in capitals read as shouting. */
    static String sentenceCase(String text) {
        boolean letters = text.chars().filter(Character::isLetter).count() > 3;
        if (!letters || !text.equals(text.toUpperCase(java.util.Locale.ROOT))) {
            return text;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private enum LineKind { BLANK, DEBRIS, HEADING, ITEM, TEXT }

    private record Line(LineKind kind, int level, String text) {
        static Line of(String raw, TextCleaner cleaner) {
            if (raw.isBlank()) {
                return new Line(LineKind.BLANK, 0, "");
            }
            Matcher heading = MARKDOWN_HEADING.matcher(raw.strip());
            if (heading.matches()) {
                String text = cleaner.clean(heading.group(2));
                return text.isEmpty() ? new Line(LineKind.DEBRIS, 0, "")
                        : new Line(LineKind.HEADING, heading.group(1).length(), sentenceCase(text));
            }
            Matcher item = LIST_ITEM.matcher(raw);
            if (item.matches()) {
                String text = cleaner.clean(item.group(2));
                int indent = item.group(1).replace("\t", "    ").length();
                return text.isEmpty() ? new Line(LineKind.DEBRIS, 0, "")
                        : new Line(LineKind.ITEM, 1 + indent / 2, text);
            }
            String text = cleaner.clean(raw);
            return text.isEmpty() ? new Line(LineKind.DEBRIS, 0, "") : new Line(LineKind.TEXT, 0, text);
        }
    }
}
