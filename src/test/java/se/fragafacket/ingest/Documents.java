package se.fragafacket.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Real office documents built in memory, the way word processors write them. */
final class Documents {

    private Documents() {
    }

    /** A heading (level ≥ 1) or, with level 0, a paragraph. */
    record Part(int level, String text) {
        static Part h(int level, String text) {
            return new Part(level, text);
        }

        static Part p(String text) {
            return new Part(0, text);
        }
    }

    /** A Word document with heading styles ("heading 1" …) as Word defines them, and a title property. */
    static byte[] docx(String title, List<Part> parts) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            XWPFStyles styles = document.createStyles();
            for (int level = 1; level <= 3; level++) {
                CTStyle style = CTStyle.Factory.newInstance();
                style.setStyleId("Heading" + level);
                style.setType(STStyleType.PARAGRAPH);
                CTString name = CTString.Factory.newInstance();
                name.setVal("heading " + level);
                style.setName(name);
                styles.addStyle(new XWPFStyle(style));
            }
            document.getProperties().getCoreProperties().setTitle(title);
            for (Part part : parts) {
                XWPFParagraph paragraph = document.createParagraph();
                if (part.level() > 0) {
                    paragraph.setStyle("Heading" + part.level());
                }
                paragraph.createRun().setText(part.text());
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /** An OpenDocument text: the mimetype entry first and stored, then content.xml and meta.xml. */
    static byte[] odt(String title, List<Part> parts, List<String> bullets) throws IOException {
        StringBuilder body = new StringBuilder();
        for (Part part : parts) {
            body.append(part.level() > 0
                    ? "<text:h text:style-name=\"Heading_20_" + part.level() + "\" text:outline-level=\"" + part.level() + "\">"
                    + xml(part.text()) + "</text:h>"
                    : "<text:p text:style-name=\"Text_20_body\">" + xml(part.text()) + "</text:p>");
        }
        if (!bullets.isEmpty()) {
            body.append("<text:list>");
            bullets.forEach(b -> body.append("<text:list-item><text:p>").append(xml(b)).append("</text:p></text:list-item>"));
            body.append("</text:list>");
        }
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
                  <office:body><office:text>%s</office:text></office:body>
                </office:document-content>
                """.formatted(body).strip();
        String meta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
                  <office:meta><dc:title>%s</dc:title></office:meta>
                </office:document-meta>
                """.formatted(xml(title)).strip();
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                  <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """.strip();
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            for (var entry : List.of(List.of("content.xml", content), List.of("meta.xml", meta),
                    List.of("META-INF/manifest.xml", manifest))) {
                zip.putNextEntry(new ZipEntry(entry.get(0)));
                zip.write(entry.get(1).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A one-page PDF with a title property; each line is drawn on its own, a gap between paragraphs. */
    static byte[] pdf(String title, List<String> lines) throws IOException {
        try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(title);
            PDPage page = new PDPage();
            document.addPage(page);
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (var stream = new PDPageContentStream(document, page)) {
                float y = 720;
                for (String line : lines) {
                    if (line.isEmpty()) {
                        y -= 18;
                        continue;
                    }
                    stream.beginText();
                    stream.setFont(font, 11);
                    stream.newLineAtOffset(72, y);
                    stream.showText(line);
                    stream.endText();
                    y -= 14;
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
