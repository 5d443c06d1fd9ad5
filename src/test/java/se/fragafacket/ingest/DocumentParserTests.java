package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static se.fragafacket.ingest.Documents.Part.h;
import static se.fragafacket.ingest.Documents.Part.p;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import se.fragafacket.Settings;
import se.fragafacket.ingest.Block.Kind;
import se.fragafacket.search.Language;

class DocumentParserTests {

    private final DocumentParser parser = new DocumentParser(Settings.defaults("fraga.ingest", IngestProperties.class));

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAnHtmlPageIntoTitleHeadingsParagraphsAndListsWithoutItsNavigationAndScripts() throws Exception {
        String html = """
                <!DOCTYPE html>
                <html lang="sv"><head><title>Om oss – LO Mellansverige</title>
                <style>body { color: red }</style><script>var tracking = "skript";</script></head>
                <body>
                <nav><a href="/">Startsida</a> <a href="/kontakt">Kontakt</a></nav>
                <h1>Om oss</h1>
                <p>LO-distriktet är en samorganisation för 41 medlemsorganisationer
                   i Södermanland, Västmanland, Östergötland och Uppsala län.</p>
                <p>Publicerad Uppdaterad</p>
                <h2>Distriktets mål</h2>
                <ul><li>Arbete för alla</li><li>Ökade och <b>rättvisa</b> löner</li></ul>
                <footer>© LO 2024 Cookies</footer>
                </body></html>
                """;

        ParsedDocument parsed = parser.parse("om-oss.html", utf8(html));

        assertThat(parsed.mediaType()).isEqualTo("text/html");
        assertThat(parsed.title()).isEqualTo("Om oss – LO Mellansverige");
        assertThat(parsed.language()).isEqualTo(Language.SV);
        assertThat(parsed.blocks()).extracting(Block::kind, Block::level, Block::text).containsExactly(
                tuple(Kind.HEADING, 1, "Om oss"),
                tuple(Kind.PARAGRAPH, 0, "LO-distriktet är en samorganisation för 41 medlemsorganisationer i Södermanland, "
                        + "Västmanland, Östergötland och Uppsala län."),
                tuple(Kind.HEADING, 2, "Distriktets mål"),
                tuple(Kind.LIST_ITEM, 1, "Arbete för alla"),
                tuple(Kind.LIST_ITEM, 1, "Ökade och rättvisa löner"));
    }

    @Test
    void readsAWordDocumentsTitleHeadingsAndParagraphs() throws Exception {
        byte[] docx = Documents.docx("Verksamhetsplan 2024", List.of(
                h(1, "Verksamhetsplan 2024"),
                h(2, "Skola"),
                p("Genomföra 20 skolinformationer inom folkhögskolor och Komvux."),
                h(2, "Ung"),
                p("Erbjuda unga medlemmar utbildningar för att stärka deras kunskap om allas lika värde i arbetslivet.")));

        // the name says nothing: the content decides that it is Word
        ParsedDocument parsed = parser.parse("plan.bin", docx);

        assertThat(parsed.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(parsed.title()).isEqualTo("Verksamhetsplan 2024");
        assertThat(parsed.language()).isEqualTo(Language.SV);
        assertThat(parsed.blocks()).extracting(Block::kind, Block::level, Block::text).containsExactly(
                tuple(Kind.HEADING, 1, "Verksamhetsplan 2024"),
                tuple(Kind.HEADING, 2, "Skola"),
                tuple(Kind.PARAGRAPH, 0, "Genomföra 20 skolinformationer inom folkhögskolor och Komvux."),
                tuple(Kind.HEADING, 2, "Ung"),
                tuple(Kind.PARAGRAPH, 0, "Erbjuda unga medlemmar utbildningar för att stärka deras kunskap om allas lika värde i arbetslivet."));
    }

    @Test
    void readsAnOpenDocumentTextsTitleHeadingsParagraphsAndList() throws Exception {
        byte[] odt = Documents.odt("Hva vi gjør", List.of(
                h(1, "Hva vi gjør"),
                p("LO i Vestoppland er en arbeidstakerorganisasjon, av og for våre medlemsforeninger."),
                h(2, "Arbeiderkultur"),
                p("I perioden skal vi:")),
                List.of("Legge til rette for flere kulturelle begivenheter.",
                        "Arbeide videre med digitalisering av våre historiske videoprosjekter."));

        ParsedDocument parsed = parser.parse("hva-vi-gjor.odt", odt);

        assertThat(parsed.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(parsed.title()).isEqualTo("Hva vi gjør");
        assertThat(parsed.language()).isEqualTo(Language.NO);
        assertThat(parsed.blocks()).extracting(Block::kind, Block::text).containsExactly(
                tuple(Kind.HEADING, "Hva vi gjør"),
                tuple(Kind.PARAGRAPH, "LO i Vestoppland er en arbeidstakerorganisasjon, av og for våre medlemsforeninger."),
                tuple(Kind.HEADING, "Arbeiderkultur"),
                tuple(Kind.PARAGRAPH, "I perioden skal vi:"),
                tuple(Kind.LIST_ITEM, "Legge til rette for flere kulturelle begivenheter."),
                tuple(Kind.LIST_ITEM, "Arbeide videre med digitalisering av våre historiske videoprosjekter."));
        assertThat(parsed.blocks().get(0).level()).isLessThan(parsed.blocks().get(2).level());
    }

    @Test
    void readsAPdfsTitleAndTextWithItsHeadingsGuessedFromLayout() throws Exception {
        byte[] pdf = Documents.pdf("Annual plan", List.of(
                "Trade union education",
                "",
                "The district offers courses and theme days to increase the understanding of society",
                "and democracy among the members of the unions.",
                "",
                "The autumn meeting of the district is held on 25 November."));

        ParsedDocument parsed = parser.parse("plan.pdf", pdf);

        assertThat(parsed.mediaType()).isEqualTo("application/pdf");
        assertThat(parsed.title()).isEqualTo("Annual plan");
        assertThat(parsed.language()).isEqualTo(Language.EN);
        assertThat(parsed.blocks()).extracting(Block::kind, Block::text).containsExactly(
                tuple(Kind.HEADING, "Trade union education"),
                tuple(Kind.PARAGRAPH, "The district offers courses and theme days to increase the understanding of society "
                        + "and democracy among the members of the unions."),
                tuple(Kind.PARAGRAPH, "The autumn meeting of the district is held on 25 November."));
    }

    @Test
    void readsPlainTextAndMarkdownAndTakesTheTitleFromTheFirstHeading() throws Exception {
        ParsedDocument markdown = parser.parse("plan.md", utf8("# Verksamhetsplan 2024\n\n## Skola\n\nSkolinformation är viktig.\n"));
        ParsedDocument text = parser.parse("lokalt.txt", utf8("Lokalt och regionalt\n\nLOs verksamhet bedrivs även på lokal och regional nivå.\n"));

        assertThat(markdown.title()).isEqualTo("Verksamhetsplan 2024");
        assertThat(markdown.mediaType()).startsWith("text/");
        assertThat(text.title()).isEqualTo("Lokalt och regionalt");
        assertThat(text.mediaType()).isEqualTo("text/plain");
    }

    @Test
    void takesTheTitleFromTheFileNameWhenTheTextHasNoHeading() throws Exception {
        ParsedDocument parsed = parser.parse("ring-facket.txt", utf8("020560056 ring fackets hjälptelefon\n"));

        assertThat(parsed.title()).isEqualTo("Ring facket");
        assertThat(parsed.blocks()).extracting(Block::text).containsExactly("020560056 ring fackets hjälptelefon");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> parser.parse("tom.txt", new byte[0]))
                .isInstanceOf(UnreadableDocumentException.class).hasMessage("the file is empty");
    }

    @Test
    void refusesACorruptPdfSayingWhy() throws Exception {
        byte[] pdf = Documents.pdf("Plan", List.of("Höstmöte 25 november"));
        byte[] corrupt = Arrays.copyOf(pdf, 200); // the header is there, the rest is cut off

        assertThatThrownBy(() -> parser.parse("trasig.pdf", corrupt))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("it could not be read (")
                .satisfies(e -> assertThat(e.getCause()).isNotNull());
    }

    @Test
    void refusesBinaryData() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        assertThatThrownBy(() -> parser.parse("data.bin", noise))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("files of type application/octet-stream cannot be read");
    }

    @Test
    void refusesBinaryDataEvenWhenItsNameSaysText() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        assertThatThrownBy(() -> parser.parse("viktigt.txt", noise))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("it holds binary data, not text");
    }

    @Test
    void readsTextInOlderEncodingsAndUtf16() throws Exception {
        String text = "Höstmöte för LO-distriktet i Västsverige hålls den 25 november.";

        ParsedDocument latin1 = parser.parse("hostmote.txt", text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        ParsedDocument utf16 = parser.parse("hostmote.txt", text.getBytes(StandardCharsets.UTF_16));

        assertThat(latin1.blocks()).extracting(Block::text).containsExactly(text);
        assertThat(utf16.blocks()).extracting(Block::text).containsExactly(text);
    }

    @Test
    void refusesAnImageAsNotADocumentType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

        assertThatThrownBy(() -> parser.parse("logga.png", png))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("files of type image/png cannot be read; use text, Markdown, HTML, PDF, Word (.docx) or OpenDocument (.odt)");
    }

    @Test
    void refusesAFileWithNoReadableText() {
        assertThatThrownBy(() -> parser.parse("tom.md", utf8("\n\n   \nPublicerad Uppdaterad\nKopiera länk för delning\n")))
                .isInstanceOf(UnreadableDocumentException.class).hasMessage("it holds no readable text");
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        var small = new DocumentParser(Settings.bind("fraga.ingest", IngestProperties.class, Map.of("max-file-size", "1KB")));

        assertThatThrownBy(() -> small.parse("stor.txt", utf8("Facket. ".repeat(200))))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("larger than");
    }

    @Test
    void refusesADocumentWhoseTextRunsPastTheLimit() {
        var small = new DocumentParser(Settings.bind("fraga.ingest", IngestProperties.class, Map.of("max-text-chars", "1000")));
        String html = "<html><body>" + "<p>LO-distriktet samordnar förbunden.</p>".repeat(100) + "</body></html>";

        assertThatThrownBy(() -> small.parse("lang.html", utf8(html)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageStartingWith("its text is longer than the limit");
    }

    /** A Word document whose body unpacks to {@code megabytes} MB of one letter: a zip bomb. */
    private static byte[] zipBomb(int megabytes) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(utf8("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document.main+xml\"/></Types>"));
            zip.putNextEntry(new java.util.zip.ZipEntry("_rels/.rels"));
            zip.write(utf8("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write(utf8("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>"));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < megabytes; i++) {
                zip.write(block);
            }
            zip.write(utf8("</w:t></w:r></w:p></w:body></w:document>"));
        }
        return out.toByteArray();
    }

    @Test
    void refusesAZipBombByCountingWhatItUnpacksToNotByTheClock() throws Exception {
        // a parse time limit no machine meets: the verdict comes from the bytes counted before any parse starts
        var hurried = new DocumentParser(Settings.bind("fraga.ingest", IngestProperties.class, Map.of("parse-timeout", "1ms")));
        byte[] bomb = zipBomb(64);

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> hurried.parse("forhandlingsdagen.docx", bomb))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("it looks like a zip bomb (it unpacks to far more than its size)");
    }

    @Test
    void aRefusalNamesNoClassOrObjectOfTheParser() throws Exception {
        byte[] docx = Documents.docx("Plan", List.of(p("Höstmöte 25 november. ".repeat(200))));
        byte[] cut = Arrays.copyOf(docx, docx.length / 2);

        assertThatThrownBy(() -> parser.parse("trasig.docx", cut))
                .isInstanceOf(UnreadableDocumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("it could not be read")
                        .doesNotContain("Exception", "@", "org.", "Parser"));
    }

    @Test
    void anEmbeddedObjectsNameIsNeitherAHeadingNorTheTitle() throws Exception {
        var nested = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(nested)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("inne.txt"));
            zip.write(utf8("Bilagans text om årsmötet."));
        }
        var out = new java.io.ByteArrayOutputStream();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            document.createParagraph().createRun().setText("Årsmötet hålls den 12 mars i Folkets hus.");
            var pkg = document.getPackage();
            var name = org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/word/embeddings/nested.zip");
            var part = pkg.createPart(name, "application/zip");
            try (var stream = part.getOutputStream()) {
                stream.write(nested.toByteArray());
            }
            document.getPackagePart().addRelationship(name, org.apache.poi.openxml4j.opc.TargetMode.INTERNAL,
                    org.apache.poi.ooxml.POIXMLDocument.PACK_OBJECT_REL_TYPE);
            document.write(out);
        }

        ParsedDocument parsed = parser.parse("arsmote.docx", out.toByteArray());

        assertThat(parsed.title()).isEqualTo("Arsmote");
        assertThat(parsed.blocks()).extracting(Block::text).noneMatch(t -> t.contains("nested.zip") || t.contains("inne.txt"))
                .contains("Årsmötet hålls den 12 mars i Folkets hus.");
    }

    @Test
    void aTextMarkdownOrHtmlFileTypedByItsNameGetsTheTypeTikaDetectsInItsContent() throws Exception {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String folder : List.of("knowledge", "src/test/resources/eval/kb")) {
            try (var listing = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
                for (var file : listing.sorted().toList()) {
                    files.put(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
                }
            }
        }
        String text = "Höstmöte för LO-distriktet i Västsverige hålls den 25 november.";
        files.put("latin1.txt", text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        files.put("utf16.txt", text.getBytes(StandardCharsets.UTF_16));
        files.put("lista.md", utf8("- första punkten\n- andra punkten\n"));
        files.put("sida.html", utf8("<!DOCTYPE html>\n<html><head><title>Om oss</title></head><body><p>Text</p></body></html>"));
        files.put("sida2.htm", utf8("  <html lang=\"sv\"><body><h1>Rubrik</h1></body></html>"));
        var tika = new org.apache.tika.detect.DefaultDetector();
        for (var file : files.entrySet()) {
            org.apache.tika.mime.MediaType byName = DocumentParser.plainByName(file.getKey(), file.getValue());
            var metadata = new org.apache.tika.metadata.Metadata();
            metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, file.getKey());
            try (var in = org.apache.tika.io.TikaInputStream.get(file.getValue())) {
                assertThat(byName).as(file.getKey()).isEqualTo(tika.detect(in, metadata).getBaseType());
            }
        }
    }

    @Test
    void contentThatMayBeSomethingElseIsLeftToTikasDetection() throws Exception {
        assertThat(DocumentParser.plainByName("brev.txt", utf8("From: styrelsen@example.org\nSubject: Möte\n\nHej"))).isNull();
        assertThat(DocumentParser.plainByName("skript.md", utf8("#!/bin/sh\necho hej\n"))).isNull();
        assertThat(DocumentParser.plainByName("sida.html", utf8("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>"))).isNull();
        assertThat(DocumentParser.plainByName("rapport.txt", utf8("%PDF-1.7\n"))).isNull();
        byte[] noise = new byte[512];
        new Random(7).nextBytes(noise);
        noise[0] = 'A';
        assertThat(DocumentParser.plainByName("viktigt.txt", noise)).isNull();
        assertThat(DocumentParser.plainByName("plan.pdf", utf8("Text"))).isNull();
    }
}
