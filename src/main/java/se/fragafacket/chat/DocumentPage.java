package se.fragafacket.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import se.fragafacket.search.ChunkRecord;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.search.Passage;

/**
 * {@code GET /dokument/{documentId}}: a document as members can read it, the way it is indexed: its passages
 * in order under their headings, each with an anchor ({@code #avsnitt-3}). With {@code ?citat=…} the first
 * place the quoted words stand is marked ({@code <mark id="citat">}), so a source link
 * {@code /dokument/x?citat=…#citat} opens at the sentence an answer quoted. Every text is escaped; the page
 * has no script, and the members' Content-Security-Policy applies.
 */
@RestController
class DocumentPage {

    static final String PATH = "/dokument/";
    /** Longest quote looked for; a source's snippet is shorter. */
    private static final int MAX_QUOTE = 1000;
    private static final Pattern DOCUMENT_ID = Pattern.compile("[\\p{L}\\p{N}._ -]{1,200}");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    private final KnowledgeIndex index;

    DocumentPage(KnowledgeIndex index) {
        this.index = index;
    }

    /** Page texts in the two languages of the members' page. */
    private record Words(String lang, String back, String updated, String quoted, String missing, String missingText,
                         String passage) {
    }

    private static final Words SV = new Words("sv", "Tillbaka till chatten", "Uppdaterad",
            "Det markerade är det som svaret citerade.", "Dokumentet finns inte",
            "Det här dokumentet finns inte, eller har tagits bort. Ställ din fråga i chatten igen.", "Avsnitt");
    private static final Words EN = new Words("en", "Back to the chat", "Updated",
            "The highlighted words are what the answer quoted.", "No such document",
            "This document does not exist or has been removed. Ask your question in the chat again.", "Passage");

    @GetMapping(PATH + "{documentId}")
    ResponseEntity<String> page(@PathVariable String documentId,
                                @RequestParam(name = "citat", required = false) String quote,
                                @RequestParam(name = "lang", required = false) String lang) {
        Words words = "en".equals(lang) ? EN : SV;
        Optional<DocumentRecord> document = DOCUMENT_ID.matcher(documentId).matches()
                ? index.document(documentId) : Optional.empty();
        if (document.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, page(words, words.lang(), words.missing(),
                    "<h1>" + escape(words.missing()) + "</h1>\n<p>" + escape(words.missingText()) + "</p>\n"));
        }
        String wanted = quote == null ? "" : SPACE.matcher(quote).replaceAll(" ").strip();
        if (wanted.length() > MAX_QUOTE || wanted.length() < 3) {
            wanted = "";
        }
        return html(HttpStatus.OK, page(words, document.get().language().code(), document.get().displayTitle(),
                body(document.get(), index.passages(documentId), wanted, words)));
    }

    private static String body(DocumentRecord document, List<Passage> passages, String quote, Words words) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(escape(document.displayTitle())).append("</h1>\n");
        html.append("<p class=\"document-meta\">").append(escape(words.updated())).append(' ')
                .append(DAY.format(document.updatedAt())).append("</p>\n");
        boolean marked = false;
        if (!quote.isEmpty()) {
            html.append("<p class=\"document-note\">").append(escape(words.quoted())).append("</p>\n");
        }
        String previousHeading = null;
        for (Passage passage : passages) {
            String heading = heading(passage.headingPath(), document.read().title()); // the headings start with the content's own title
            if (!heading.isEmpty() && !heading.equals(previousHeading)) {
                html.append("<h2 class=\"document-heading\">").append(escape(heading)).append("</h2>\n");
            }
            previousHeading = heading;
            boolean here = !marked && !quote.isEmpty() && normalised(passage.text()).contains(quote);
            html.append("<section class=\"passage").append(here ? " passage-cited" : "").append("\" id=\"avsnitt-")
                    .append(passage.ordinal()).append("\" aria-label=\"").append(escape(words.passage())).append(' ')
                    .append(passage.ordinal() + 1).append(heading.isEmpty() ? "" : ": " + escape(heading)).append("\">\n");
            boolean inList = false;
            for (String line : passage.text().split("\n")) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                boolean item = text.startsWith("•");
                if (item && !inList) {
                    html.append("<ul>\n");
                } else if (!item && inList) {
                    html.append("</ul>\n");
                }
                inList = item;
                String content = item ? text.substring(1).strip() : text;
                String shown;
                if (here && !marked && normalised(content).contains(quote)) {
                    shown = markQuote(content, quote);
                    marked = true;
                } else {
                    shown = escape(content);
                }
                html.append(item ? "<li>" : "<p>").append(shown).append(item ? "</li>\n" : "</p>\n");
            }
            if (inList) {
                html.append("</ul>\n");
            }
            html.append("</section>\n");
        }
        return html.toString();
    }

    /** The heading path without the document's title at its start. */
    static String heading(String headingPath, String title) {
        if (headingPath == null || headingPath.isBlank()) {
            return "";
        }
        String path = headingPath.strip();
        if (title != null && path.equals(title.strip())) {
            return "";
        }
        String prefix = title == null ? null : title.strip() + ChunkRecord.HEADING_SEPARATOR;
        return prefix != null && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** The text with the quote (white space compared loosely) in a mark the link's #citat points at. */
    private static String markQuote(String text, String quote) {
        // the quote is found in the text with its white space made single spaces; map that back
        StringBuilder flat = new StringBuilder();
        int[] origin = new int[text.length() + 1];
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    origin[flat.length()] = i;
                    flat.append(' ');
                }
                space = true;
            } else {
                origin[flat.length()] = i;
                flat.append(c);
                space = false;
            }
        }
        int start = flat.indexOf(quote);
        if (start < 0) {
            return escape(text);
        }
        int from = origin[start];
        int to = origin[start + quote.length() - 1] + 1;
        return escape(text.substring(0, from)) + "<mark id=\"citat\">" + escape(text.substring(from, to)) + "</mark>"
                + escape(text.substring(to));
    }

    private static String normalised(String text) {
        return SPACE.matcher(text).replaceAll(" ");
    }

    private static String page(Words words, String lang, String title, String body) {
        return """
                <!doctype html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="color-scheme" content="light dark">
                  <meta name="robots" content="noindex">
                  <title>%s – Fråga facket</title>
                  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                  <link rel="stylesheet" href="/chat.css">
                </head>
                <body class="document-page">
                <header class="masthead">
                  <div class="masthead-inner">
                    <a class="brand" href="/%s"><span class="brand-name">Fråga facket</span></a>
                    <a class="button button-light" href="/%s" lang="%s">%s</a>
                  </div>
                </header>
                <main id="main" class="main document">
                %s</main>
                </body>
                </html>
                """.formatted(lang, escape(title), words == EN ? "?lang=en" : "", words == EN ? "?lang=en" : "",
                words.lang(), escape(words.back()), body);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(body);
    }
}
