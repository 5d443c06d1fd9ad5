package se.fragafacket.curation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad upload gets a clear 4xx and changes nothing: the previous version keeps serving. */
class BadUploadTests extends CurationTestBase {

    private static final String QUESTION = "När är förhandlingsdagen i Kiruna?";
    private static final byte[] GOOD = """
            # Förhandlingsdagen i Kiruna

            Förhandlingsdagen i Kiruna är den 5 maj 2026 och det är öppet för alla som är förtroendevalda i avdelningen.
            """.getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void currentVersionServes() throws Exception {
        Http.Response response = staff().upload("forhandlingsdagen.md", GOOD);
        assertThat(response.status()).isEqualTo(201);
    }

    static Stream<Arguments> badUploads() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        byte[] tooLarge = new byte[21 * 1024 * 1024];
        Arrays.fill(tooLarge, (byte) 'a');
        return Stream.of(
                arguments("an empty file", "forhandlingsdagen.md", new byte[0], 400),
                arguments("an image", "forhandlingsdagen.pdf", png, 400),
                arguments("a plain zip archive named .docx", "forhandlingsdagen.docx", zip(), 400),
                arguments("text named .pdf", "forhandlingsdagen.pdf",
                        "Förhandlingsdagen i Kiruna är inställd.".getBytes(StandardCharsets.UTF_8), 400),
                arguments("a PDF named .docx", "forhandlingsdagen.docx",
                        Fixtures.pdf("Inställt", "Förhandlingsdagen i Kiruna är inställd."), 400),
                arguments("a file over the size limit", "forhandlingsdagen.md", tooLarge, 413),
                arguments("a corrupt PDF", "forhandlingsdagen.pdf", Fixtures.corruptPdf(), 400),
                arguments("a Word file cut in half", "forhandlingsdagen.docx", Fixtures.truncatedDocx(), 400),
                arguments("a zip bomb", "forhandlingsdagen.docx", Fixtures.zipBombDocx(200), 400),
                arguments("a name climbing out of the folder", "../forhandlingsdagen.md", text(), 400),
                arguments("a name with a folder", "arkiv/forhandlingsdagen.md", text(), 400),
                arguments("a name with a Windows folder", "..\\forhandlingsdagen.md", text(), 400),
                arguments("a name with a control character", "forhandlingsdagen\u0007.md", text(), 400),
                arguments("a name with a tab", "forhandlings\tdagen.md", text(), 400),
                arguments("a name disguised by a right-to-left override", "forhandlingsdagen\u202Edm.exe", text(), 400),
                arguments("a hidden file name", ".forhandlingsdagen.md", text(), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void badUploadIsRefusedAndChangesNothing(String what, String fileName, byte[] content, int status) throws Exception {
        Http staff = staff();
        List<String> filesBefore = knowledgeFiles();
        JsonNode documentBefore = staff.get("/api/admin/documents/forhandlingsdagen").json();
        int versionsBefore = staff.get("/api/admin/documents/forhandlingsdagen/versions").json().size();

        Http.Response response = staff.upload(fileName, content);

        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.error()).as(what).isNotBlank();
        assertThat(knowledgeFiles()).as("no file written, none left behind").isEqualTo(filesBefore);
        assertThat(Files.readAllBytes(KNOWLEDGE.resolve("forhandlingsdagen.md"))).isEqualTo(GOOD);
        try (Stream<java.nio.file.Path> outside = Files.list(ROOT)) {
            assertThat(outside.map(p -> p.getFileName().toString())).doesNotContain("forhandlingsdagen.md");
        }
        assertThat(staff.get("/api/admin/documents/forhandlingsdagen").json()).isEqualTo(documentBefore);
        assertThat(staff.get("/api/admin/documents/forhandlingsdagen/versions").json()).hasSize(versionsBefore);
        assertAnswered(staff.ask(QUESTION), "forhandlingsdagen", "5 maj");
        JsonNode audit = staff.get("/api/admin/audit").json().get(0);
        assertThat(audit.path("outcome").asString()).as("the refusal is in the audit log").isEqualTo("refused");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readerRefusals")
    void refusalSaysWhyInPlainWords(String what, String fileName, byte[] content, String reason) throws Exception {
        Http.Response response = staff().upload(fileName, content);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).as(what).contains("ingenting ändrades").containsIgnoringCase(reason);
    }

    static Stream<Arguments> readerRefusals() throws IOException {
        return Stream.of(
                arguments("zip bomb", "forhandlingsdagen.docx", Fixtures.zipBombDocx(200), "zip bomb"),
                arguments("mislabelled", "forhandlingsdagen.pdf", text(), "named .pdf"),
                arguments("empty", "forhandlingsdagen.md", new byte[0], "tom"));
    }

    private static byte[] text() {
        return "Förhandlingsdagen i Kiruna är inställd och det är inget möte.".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("forhandlingsdagen.txt"));
            zip.write(text());
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
