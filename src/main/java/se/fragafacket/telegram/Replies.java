package se.fragafacket.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.fragafacket.answer.Answer;
import se.fragafacket.answer.Source;

/**
 * An answer as Telegram messages in HTML parse mode: the answer's text, split at sentence boundaries when it
 * is too long for one message, with its sources listed under it. Lengths are counted on the text as shown,
 * which is what Telegram limits; everything taken from the answer is escaped.
 */
final class Replies {

    static final String SOURCES_HEADING = "Källor:";

    private Replies() {
    }

    static List<String> of(Answer answer, int maxChars) {
        List<String> pieces = new ArrayList<>(MessageSplitter.split(answer.text(), maxChars));
        List<String> html = new ArrayList<>();
        for (String piece : pieces) {
            html.add(Html.escape(piece));
        }
        List<String> sources = sourceLines(answer.sources());
        if (sources.isEmpty()) {
            return html;
        }
        String plainBlock = SOURCES_HEADING + "\n" + String.join("\n", sources);
        String htmlBlock = "<b>" + SOURCES_HEADING + "</b>\n" + Html.escape(String.join("\n", sources));
        String last = pieces.isEmpty() ? "" : pieces.get(pieces.size() - 1);
        if (!pieces.isEmpty() && last.length() + 2 + plainBlock.length() <= maxChars) {
            html.set(html.size() - 1, html.get(html.size() - 1) + "\n\n" + htmlBlock);
        } else if (plainBlock.length() <= maxChars) {
            html.add(htmlBlock);
        } else {
            // more sources than fit in a message: an unlikely list, sent as plain pieces
            for (String piece : MessageSplitter.split(plainBlock, maxChars)) {
                html.add(Html.escape(piece));
            }
        }
        return html;
    }

    /** One line per document: its title, where in it the answer stands, and its id. */
    static List<String> sourceLines(List<Source> sources) {
        Map<String, String> byDocument = new LinkedHashMap<>();
        for (Source source : sources) {
            byDocument.computeIfAbsent(source.documentId(), id -> {
                String title = source.title() == null || source.title().isBlank() ? id : source.title().strip();
                String heading = heading(source, title);
                return "• " + title + (heading.isEmpty() ? "" : " – " + heading) + " (" + id + ")";
            });
        }
        return List.copyOf(byDocument.values());
    }

    /** The snippet's first line is the passage's heading path, when it says more than the title. */
    private static String heading(Source source, String title) {
        if (source.snippet() == null) {
            return "";
        }
        int end = source.snippet().indexOf('\n');
        String heading = (end < 0 ? "" : source.snippet().substring(0, end)).strip();
        if (heading.startsWith(title)) {
            heading = heading.substring(title.length()).replaceFirst("^[\\s›>/|:–-]+", "");
        }
        return heading.length() > 120 ? heading.substring(0, 119) + "…" : heading;
    }
}
