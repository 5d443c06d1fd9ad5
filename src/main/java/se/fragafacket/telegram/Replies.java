package se.fragafacket.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import se.fragafacket.answer.Answer;
import se.fragafacket.answer.Source;
import se.fragafacket.search.Language;

/**
 * An answer as Telegram messages in HTML parse mode: the answer's text, split at sentence boundaries when it
 * is too long for one message, with its sources listed under it by title, in the member's language, each a
 * link to its document page where the service's public address is known. Lengths are counted on the text as
 * shown, which is what Telegram limits; everything taken from the answer is escaped.
 */
final class Replies {

    static final String SOURCES_HEADING = "Källor:";

    private Replies() {
    }

    /** One source line: as shown, and as HTML (escaped, perhaps a link). */
    record SourceLine(String plain, String html) {
    }

    static List<String> of(Answer answer, int maxChars) {
        return of(answer, maxChars, Language.SV, id -> null);
    }

    /**
     * @param language     the member's language, for the sources' heading
     * @param documentPage a document's public page by documentId, or null for none
     */
    static List<String> of(Answer answer, int maxChars, Language language, Function<String, String> documentPage) {
        List<String> pieces = new ArrayList<>(MessageSplitter.split(answer.text(), maxChars));
        List<String> html = new ArrayList<>();
        for (String piece : pieces) {
            html.add(Html.escape(piece));
        }
        List<SourceLine> sources = sourceLines(answer.sources(), documentPage);
        if (sources.isEmpty()) {
            return html;
        }
        String heading = sourcesHeading(language);
        String plainBlock = heading + "\n" + String.join("\n", sources.stream().map(SourceLine::plain).toList());
        String htmlBlock = "<b>" + Html.escape(heading) + "</b>\n"
                + String.join("\n", sources.stream().map(SourceLine::html).toList());
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

    static String sourcesHeading(Language language) {
        return switch (language) {
            case NO -> "Kilder:";
            case EN -> "Sources:";
            default -> SOURCES_HEADING;
        };
    }

    /** One line per document: its title (a link to its page where known) and where in it the answer stands. */
    static List<SourceLine> sourceLines(List<Source> sources, Function<String, String> documentPage) {
        Map<String, SourceLine> byDocument = new LinkedHashMap<>();
        for (Source source : sources) {
            byDocument.computeIfAbsent(source.documentId(), id -> {
                String title = source.title() == null || source.title().isBlank() ? id : source.title().strip();
                String heading = heading(source, title);
                String rest = heading.isEmpty() ? "" : " – " + heading;
                String page = documentPage.apply(id);
                String shownTitle = page == null ? Html.escape(title)
                        : "<a href=\"" + Html.attribute(page) + "\">" + Html.escape(title) + "</a>";
                return new SourceLine("• " + title + rest, "• " + shownTitle + Html.escape(rest));
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
        // the heading path starts with the document's own title, which the title shown may follow with its organisation
        String own = title.contains(" — ") ? title.substring(0, title.indexOf(" — ")) : title;
        if (heading.startsWith(title) || heading.startsWith(own)) {
            heading = heading.substring(heading.startsWith(title) ? title.length() : own.length())
                    .replaceFirst("^[\\s›>/|:–-]+", "");
        }
        return heading.length() > 120 ? heading.substring(0, 119) + "…" : heading;
    }
}
