package se.fragafacket.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import se.fragafacket.search.ChunkRecord;

/**
 * Cuts a document into passages along its own structure: one section (the text under a heading) is one
 * passage unless it is longer than the limit, when it is cut between paragraphs or list items, and a
 * paragraph longer than the limit between sentences. Each passage carries its heading path.
 */
final class Chunker {

    private final int maxChars;

    Chunker(int maxChars) {
        this.maxChars = maxChars;
    }

    List<ChunkRecord> chunk(String title, List<Block> blocks) {
        List<ChunkRecord> chunks = new ArrayList<>();
        List<Heading> path = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Block block : blocks) {
            switch (block.kind()) {
                case HEADING -> {
                    flush(title, path, lines, chunks);
                    path.removeIf(h -> h.level() >= block.level());
                    path.add(new Heading(block.level(), block.text()));
                }
                case PARAGRAPH -> lines.add(block.text());
                case LIST_ITEM -> lines.add("  ".repeat(Math.max(0, block.level() - 1)) + "• " + block.text());
            }
        }
        flush(title, path, lines, chunks);
        return chunks;
    }

    private void flush(String title, List<Heading> path, List<String> lines, List<ChunkRecord> chunks) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> headings = new ArrayList<>();
        headings.add(title);
        for (Heading heading : path) {
            if (!heading.text().equalsIgnoreCase(headings.get(headings.size() - 1))) {
                headings.add(heading.text());
            }
        }
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            for (String piece : fit(line)) {
                if (!current.isEmpty() && current.length() + 1 + piece.length() > maxChars) {
                    chunks.add(new ChunkRecord(List.copyOf(headings), current.toString()));
                    current.setLength(0);
                }
                current.append(current.isEmpty() ? "" : "\n").append(piece);
            }
        }
        chunks.add(new ChunkRecord(List.copyOf(headings), current.toString()));
        lines.clear();
    }

    /** The line itself, or its sentences grouped under the limit when it is too long. */
    private List<String> fit(String line) {
        if (line.length() <= maxChars) {
            return List.of(line);
        }
        List<String> pieces = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.of("sv"));
        sentences.setText(line);
        StringBuilder piece = new StringBuilder();
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
             start = end, end = sentences.next()) {
            String sentence = line.substring(start, end);
            if (!piece.isEmpty() && piece.length() + sentence.length() > maxChars) {
                pieces.add(piece.toString().strip());
                piece.setLength(0);
            }
            piece.append(sentence);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString().strip());
        }
        return pieces;
    }

    private record Heading(int level, String text) {
    }
}
