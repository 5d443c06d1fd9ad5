package se.fragafacket.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipInputStream;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.TextDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.epub.EpubParser;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import se.fragafacket.search.Language;

/**
 * Reads any supported document with Apache Tika, deciding its type by content, and turns its XHTML into
 * structure: Tika's headings, paragraphs and list items are written out as Markdown-like lines that
 * {@link TextStructure} reads the same way as a plain text or Markdown file.
 */
final class DocumentParser {

    private static final Set<String> SUPPORTED = Set.of(
            "text/html", "application/xhtml+xml", "application/pdf", "application/rtf",
            "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text", "application/epub+zip");

    /** An element Tika has no mapping for that ends a line ("div", "section"): Tika would write a line break after it. */
    private static final String OTHER_BLOCK = "fraga-block";
    /** Any other element Tika has no mapping for ("span", "font"). */
    private static final String OTHER_INLINE = "fraga-inline";

    /**
     * Tika's HTML mapping, but a page's navigation and footer are dropped with their text, and every other
     * element comes through (under a neutral name where Tika has no mapping for it) with the attributes that
     * hide it — {@code hidden}, {@code aria-hidden}, {@code style} — so text the page does not show is not
     * indexed. A neutral block ends with the line break Tika writes after an unmapped block element, so the
     * text of visible elements comes out as it did before.
     */
    private static final HtmlMapper WITHOUT_NAVIGATION = new HtmlMapper() {
        @Override
        public String mapSafeElement(String name) {
            String mapped = DefaultHtmlMapper.INSTANCE.mapSafeElement(name);
            if (mapped != null) {
                return mapped;
            }
            return XHTMLContentHandler.ENDLINE.contains(name.toLowerCase(Locale.ENGLISH)) ? OTHER_BLOCK : OTHER_INLINE;
        }

        @Override
        public boolean isDiscardElement(String name) {
            return DefaultHtmlMapper.INSTANCE.isDiscardElement(name) || "nav".equalsIgnoreCase(name)
                    || "footer".equalsIgnoreCase(name);
        }

        @Override
        public String mapSafeAttribute(String elementName, String attributeName) {
            String lower = attributeName.toLowerCase(Locale.ROOT);
            if (HIDING_ATTRIBUTES.contains(lower)) {
                return lower;
            }
            return DefaultHtmlMapper.INSTANCE.mapSafeAttribute(elementName, attributeName);
        }
    };
    private static final Set<String> HIDING_ATTRIBUTES = Set.of("hidden", "aria-hidden", "style");
    /** An inline style that hides the element: {@code display: none} or {@code visibility: hidden}. */
    private static final Pattern HIDING_STYLE = Pattern.compile(
            "(?:^|[;\\s])(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Tika's detector and parsers, made when the first document is read (a start over an unchanged folder reads
     * none, and need not load Tika's and POI's classes).
     */
    private static final class Tika {
        /** Decides a file's type once, by its content (the name only a hint). */
        static final Detector DETECTOR = new DefaultDetector();
        /** Only the parsers of the formats the service accepts (not Tika's whole set): each file goes straight to its own. */
        static final Parser PARSER = new CompositeParser(MediaTypeRegistry.getDefaultRegistry(), List.of(
                new TextAndCSVParser(), new JSoupParser(), new PDFParser(), new RTFParser(), new OfficeParser(),
                new OOXMLParser(), new OpenDocumentParser(), new EpubParser())) {
            /** Which parser reads which type, asked of every parser once (Tika asks them again for each file). */
            private final Map<MediaType, Parser> byType = Map.copyOf(super.getParsers(new ParseContext()));

            @Override
            public Map<MediaType, Parser> getParsers(ParseContext context) {
                return byType;
            }
        };
        /** For documents embedded in a document (a picture's caption in a Word file…): their type is detected. */
        static final Parser EMBEDDED = new AutoDetectParser(DETECTOR, PARSER);
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentParser.class);
    /** POI's own minimum inflate ratio is 1/100: past that, a zip is a bomb. */
    private static final long MAX_UNPACK_RATIO = 100;
    /** Small files may unpack far past the ratio (text compresses well); under this many bytes they may. */
    private static final long BOMB_FLOOR_BYTES = 16L * 1024 * 1024;
    /** No document unpacks to more than this, whatever its size. */
    private static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;

    private final IngestProperties properties;
    private final TextStructure structure;
    private final TextCleaner cleaner;
    private final ExecutorService parsing = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tika-parse");
        thread.setDaemon(true);
        return thread;
    });

    DocumentParser(IngestProperties properties) {
        this.properties = properties;
        this.cleaner = new TextCleaner(properties.debris());
        this.structure = new TextStructure(cleaner);
    }

    /** Parses a document; {@code fileName} is only a hint, the content decides the type. */
    ParsedDocument parse(String fileName, byte[] content) throws UnreadableDocumentException {
        if (content.length == 0) {
            throw new UnreadableDocumentException("the file is empty");
        }
        if (content.length > properties.maxFileSize().toBytes()) {
            throw new UnreadableDocumentException("the file is larger than " + properties.maxFileSize().toMegabytes() + " MB");
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType type = detect(content, metadata);
        if (!supported(type)) {
            throw new UnreadableDocumentException("files of type " + type + " cannot be read; use text, Markdown, HTML, PDF, Word (.docx) or OpenDocument (.odt)");
        }
        // the name alone makes random bytes "text/plain": the content must say text too
        if ("text".equals(type.getType()) && MediaType.OCTET_STREAM.equals(detectText(content))) {
            throw new UnreadableDocumentException("it holds binary data, not text");
        }
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        checkUnpackedSize(content);
        Future<String> result = parsing.submit(() -> extract(content, metadata));
        String text;
        try {
            text = result.get(properties.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new UnreadableDocumentException("reading it took longer than " + properties.parseTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("reading it was interrupted", e);
        } catch (ExecutionException e) {
            throw new UnreadableDocumentException(reason(e.getCause(), content.length), e.getCause());
        }
        List<Block> blocks = structure.blocks(cleaner.withoutAddressesToAssistant(fileName, text));
        if (blocks.isEmpty()) {
            throw new UnreadableDocumentException("it holds no readable text");
        }
        String title = cleaner.clean(metadata.get(TikaCoreProperties.TITLE) == null ? "" : metadata.get(TikaCoreProperties.TITLE));
        if (title.isEmpty()) {
            title = titleFrom(blocks, fileName);
        }
        StringBuilder all = new StringBuilder();
        blocks.forEach(b -> all.append(b.text()).append('\n'));
        return new ParsedDocument(title, Language.detect(all.toString()), type.toString(), blocks);
    }

    private MediaType detect(byte[] content, Metadata metadata) throws UnreadableDocumentException {
        MediaType plain = plainByName(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY), content);
        if (plain != null) {
            return plain;
        }
        try (InputStream in = TikaInputStream.get(content)) {
            return Tika.DETECTOR.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UnreadableDocumentException("its type could not be detected", e);
        }
    }

    /** Names of plain text and Markdown, and of HTML pages, whose type {@link #plainByName} may take from the name. */
    private static final Pattern TEXT_NAME = Pattern.compile("(?i).+\\.(?:txt|md|markdown)");
    private static final Pattern HTML_NAME = Pattern.compile("(?i).+\\.html?");
    /** The start of a text that one of Tika's magic numbers could read as something else: a header line ("From:", "BEGIN:VCARD"), mbox's "From ", a script's "#!". */
    private static final Pattern OTHER_TEXT = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9-]*:|From |#!)");
    /** The start of an HTML page as Tika's own magic knows it. */
    private static final Pattern HTML_START = Pattern.compile("^(?i)(?:<!doctype html|<html)[\\s>]");

    /**
     * The type of a plain text, Markdown or HTML file taken from its name where its first bytes say the same
     * thing, without matching the content against all of Tika's magic numbers (a fifth of ingestion's CPU for a
     * folder of small text files): text (no byte-order-mark-free UTF-16, no control bytes: {@link #detectText})
     * that starts with a letter, a digit or Markdown's marks; an HTML page that starts with its doctype or
     * {@code <html>}. Anything else — a name that says text over other content, XHTML, a header line — is left
     * to Tika's detection of the content, as before. Null when the name does not decide.
     */
    static MediaType plainByName(String fileName, byte[] content) throws UnreadableDocumentException {
        if (fileName == null) {
            return null;
        }
        boolean text = TEXT_NAME.matcher(fileName).matches();
        if (!text && !HTML_NAME.matcher(fileName).matches()) {
            return null;
        }
        int start = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (start < content.length && start < 256 && (content[start] == ' ' || content[start] == '\t'
                || content[start] == '\n' || content[start] == '\r')) {
            start++;
        }
        if (start >= content.length || start >= 256) {
            return null;
        }
        String head = new String(content, start, Math.min(64, content.length - start), StandardCharsets.ISO_8859_1);
        int first = content[start] & 0xFF;
        if (text) {
            boolean plainStart = Character.isLetterOrDigit(first) || first >= 0x80 || "#-*+_>|([\"'".indexOf(first) >= 0;
            if (!plainStart || OTHER_TEXT.matcher(head).find()
                    || !MediaType.TEXT_PLAIN.equals(detectText(content))) {
                return null;
            }
            MediaType byName = MimeTypes.getDefaultMimeTypes().getMimeType(fileName).getType();
            return "text".equals(byName.getType()) ? byName : null;
        }
        return HTML_START.matcher(head).find() ? MediaType.TEXT_HTML : null;
    }

    /**
     * text/plain, or application/octet-stream for bytes that are not text whatever the name says: a byte-order
     * mark, else Tika's test of the bytes (as its own detection falls back to), without matching every magic
     * number a second time.
     */
    private static MediaType detectText(byte[] content) throws UnreadableDocumentException {
        if (startsWith(content, 0xEF, 0xBB, 0xBF) || startsWith(content, 0xFE, 0xFF) || startsWith(content, 0xFF, 0xFE)) {
            return MediaType.TEXT_PLAIN;
        }
        try (InputStream in = TikaInputStream.get(content)) {
            return new TextDetector().detect(in, new Metadata());
        } catch (IOException e) {
            throw new UnreadableDocumentException("its type could not be detected", e);
        }
    }

    private static boolean startsWith(byte[] content, int... bytes) {
        if (content.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((content[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean supported(MediaType type) {
        return "text".equals(type.getType()) || SUPPORTED.contains(type.toString());
    }

    private String extract(byte[] content, Metadata metadata) throws IOException, SAXException, TikaException {
        var handler = new StructureHandler(properties.maxTextChars(),
                System.nanoTime() + properties.parseTimeout().toNanos());
        ParseContext context = new ParseContext();
        context.set(Parser.class, Tika.EMBEDDED);
        context.set(HtmlMapper.class, WITHOUT_NAVIGATION);
        try (TikaInputStream in = TikaInputStream.get(content)) {
            // the type detected once in parse(): the parser for it, without detecting again; guarded against zip
            // bombs the way Tika's auto-detecting parser guards (output far beyond the input, nesting too deep)
            SecureContentHandler secure = new SecureContentHandler(handler, in);
            try {
                Tika.PARSER.parse(in, secure, metadata, context);
            } catch (SAXException e) {
                secure.throwIfCauseOf(e);
                throw e;
            }
        }
        return handler.text();
    }

    /**
     * A zip-based document (Word, OpenDocument, EPUB) is unpacked once, counting only, before it is parsed: one
     * that unpacks to more than {@value #MAX_UNPACK_RATIO} times its size (and over {@value #BOMB_FLOOR_BYTES}
     * bytes), or to more than {@value #MAX_UNPACKED_BYTES} bytes at all, is refused when that many bytes have
     * been counted. The work is bounded by those numbers, not by a clock, so the verdict is the same on any machine.
     */
    private static void checkUnpackedSize(byte[] content) throws UnreadableDocumentException {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
            return;
        }
        long bombAt = Math.max(BOMB_FLOOR_BYTES, (long) content.length * MAX_UNPACK_RATIO);
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    unpacked += n;
                    if (unpacked > bombAt) {
                        throw new UnreadableDocumentException("it looks like a zip bomb (it unpacks to far more than its size)");
                    }
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new UnreadableDocumentException("it unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a zip this reader understands: Tika decides, within its own limits
        }
    }

    /** Why a parse failed, looking through Tika's wrapping for the cause staff can act on. */
    private String reason(Throwable error, int size) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof ZeroByteFileException) {
                return "the file is empty";
            }
            if (cause instanceof EncryptedDocumentException) {
                return "it is password protected";
            }
            if (message.toLowerCase().contains("zip bomb")
                    || cause instanceof SAXException && message.startsWith("Text limit") && size < properties.maxTextChars() / 20) {
                return "it looks like a zip bomb (it unpacks to far more than its size)";
            }
            if (cause instanceof SAXException && message.startsWith("Time limit")) {
                return "reading it took longer than " + properties.parseTimeout().toSeconds() + " s";
            }
            if (cause instanceof SAXException && message.startsWith("Text limit")) {
                return "its text is longer than the limit of " + properties.maxTextChars() + " characters";
            }
        }
        // the parser's own words name its classes and objects: they go to the log, not to staff
        log.info("Tika could not read a document: {}", String.valueOf(error).replaceAll("\\s+", " "));
        return "it could not be read (the file is damaged, or not what its name says)";
    }

    /** The first marked heading, else the first guessed heading of two words or more, else the file name. */
    private static String titleFrom(List<Block> blocks, String fileName) {
        for (Block block : blocks) {
            if (block.kind() == Block.Kind.HEADING && block.level() < Block.GUESSED_HEADING) {
                return block.text();
            }
        }
        for (Block block : blocks) {
            if (block.kind() == Block.Kind.HEADING && block.text().contains(" ")) {
                return block.text();
            }
        }
        String base = fileName.replaceFirst("\\.[^.]+$", "").replace('-', ' ').replace('_', ' ');
        return base.isEmpty() ? fileName : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** Writes Tika's XHTML body as lines: "## heading", "- item", paragraphs between blank lines. */
    private static final class StructureHandler extends DefaultHandler {
        private final StringBuilder out = new StringBuilder();
        private final int limit;
        private final long deadline;
        private final Deque<String> lists = new ArrayDeque<>();
        private boolean inBody;
        private int skip;
        /** Depth inside an element the page hides; its text and structure are left out. */
        private int hidden;
        private int inline;
        private boolean entryOpened;
        private int skippedEntryNames;

        StructureHandler(int limit, long deadline) {
            this.deadline = deadline;
            this.limit = limit;
        }

        String text() {
            return out.toString();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName.isEmpty() ? qName : localName;
            if (hidden > 0 || hides(attributes)) {
                hidden++;
                return;
            }
            // Tika names an embedded object (an attachment, a zip entry) in an <h1> opening its
            // <div class="package-entry">: that name is no heading of the document, nor its title
            boolean entryName = entryOpened && "h1".equals(name);
            entryOpened = "div".equals(name) && "package-entry".equals(attributes.getValue("class"));
            if (entryName) {
                skip++;
                skippedEntryNames++;
                return;
            }
            switch (name) {
                case "body" -> inBody = true;
                case "script", "style", "nav", "footer", "head", "title" -> skip++;
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    out.append("\n\n").append("#".repeat(name.charAt(1) - '0')).append(' ');
                    inline++;
                }
                case "ul", "ol" -> lists.push(name);
                case "li" -> {
                    out.append('\n').append("  ".repeat(Math.max(0, lists.size() - 1))).append("- ");
                    inline++;
                }
                case "p", "div", "tr", "blockquote", "pre", "table", "dl" -> out.append(inline > 0 ? " " : "\n\n");
                case "br", "dd", "dt" -> out.append(inline > 0 ? " " : "\n");
                case "td", "th" -> out.append(' ');
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName.isEmpty() ? qName : localName;
            entryOpened = false;
            if (hidden > 0) {
                hidden--;
                if (hidden == 0 && OTHER_BLOCK.equals(name) && inBody && skip == 0) {
                    out.append(inline > 0 ? " " : "\n");
                }
                return;
            }
            if (skippedEntryNames > 0 && "h1".equals(name)) {
                skippedEntryNames--;
                skip--;
                return;
            }
            switch (name) {
                case OTHER_BLOCK -> {
                    if (inBody && skip == 0) {
                        out.append(inline > 0 ? " " : "\n"); // the line break Tika writes after an unmapped block
                    }
                }
                case "script", "style", "nav", "footer", "head", "title" -> skip--;
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    inline--;
                    out.append("\n\n");
                }
                case "li" -> inline--;
                case "p", "div", "table", "pre", "blockquote" -> out.append(inline > 0 ? " " : "\n\n");
                case "ul", "ol" -> {
                    lists.poll();
                    out.append(inline > 0 ? " " : "\n\n");
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (!inBody || skip > 0 || hidden > 0) {
                return;
            }
            // the text limit first, and before anything is kept: its verdict does not depend on the machine's speed
            if ((long) out.length() + length > limit) {
                throw new SAXException("Text limit of " + limit + " characters reached");
            }
            String chunk = new String(ch, start, length);
            out.append(inline > 0 ? chunk.replace('\n', ' ') : chunk);
            if (System.nanoTime() > deadline) {
                // a parse given up on stops at its next text, rather than running on in the background
                throw new SAXException("Time limit reached");
            }
        }

        /** The element is not shown: {@code hidden}, {@code aria-hidden="true"}, or a style of display none. */
        private static boolean hides(Attributes attributes) {
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = (attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i))
                        .toLowerCase(Locale.ROOT);
                String value = attributes.getValue(i);
                if ("hidden".equals(attribute) && !"false".equalsIgnoreCase(value)
                        || "aria-hidden".equals(attribute) && "true".equalsIgnoreCase(value.strip())
                        || "style".equals(attribute) && HIDING_STYLE.matcher(value).find()) {
                    return true;
                }
            }
            return false;
        }

        /** Tika ends each line of a PDF's paragraph this way: the line break keeps the words apart. */
        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            characters(ch, start, length);
        }
    }
}
