package se.fragafacket.curation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.fragafacket.FragaFacketApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whom a document speaks for, read from its content and set by staff through the API: shown to members at once,
 * kept over a restart and over the file being replaced, until staff clear it; bad input changes nothing.
 */
class DocumentMetadataApiTests {

    private static final Path ROOT = Path.of("target", "curation-tests", "metadata-" + UUID.randomUUID()).toAbsolutePath();
    private static final String QUESTION = "Hur många ledamöter har styrelsen i LO-facket i Alingsås?";
    private static final byte[] PAGE = """
            # Om oss

            LO-facket i Alingsås samlar LO-förbunden i Alingsås kommun. Styrelsen har sju ledamöter och väljs på årsmötet.

            Senast granskad: 2024-03-05
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEWER = """
            # Om oss

            LO-facket i Alingsås samlar LO-förbunden i Alingsås kommun. Styrelsen har nio ledamöter och väljs på årsmötet.

            Senast granskad: 2025-01-10
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void staffSetAndClearWhomADocumentSpeaksForAndItHoldsOverARestartAndAReplacedFile() throws Exception {
        CurationTestBase.copyKnowledge(Path.of("knowledge"), ROOT.resolve("knowledge"));
        try (var service = start()) {
            Http staff = staff(service);
            assertThat(staff.upload("alingsas-om-oss.md", PAGE).status()).isEqualTo(201);

            JsonNode read = staff.get("/api/admin/documents/alingsas-om-oss/metadata").json();
            assertThat(read.path("title").asString()).isEqualTo("Om oss");
            assertThat(read.path("organisation").asString()).isEqualTo("LO");
            assertThat(read.path("district").asString()).isEqualTo("LO-facket i Alingsås");
            assertThat(read.path("region").asString()).isEqualTo("Alingsås");
            assertThat(read.path("date").asString()).isEqualTo("2024-03-05");
            assertThat(read.path("displayTitle").asString()).isEqualTo("Om oss — LO-facket i Alingsås");
            assertThat(read.path("overridden")).isEmpty();
            JsonNode listed = listed(staff, "alingsas-om-oss");
            assertThat(listed.path("displayTitle").asString()).isEqualTo("Om oss — LO-facket i Alingsås");
            assertThat(listed.path("district").asString()).isEqualTo("LO-facket i Alingsås");
            assertThat(sourceTitles(staff.ask(QUESTION))).contains("Om oss — LO-facket i Alingsås");

            Map<String, Object> set = new HashMap<>();
            set.put("title", "Styrelsen och årsmötet");
            set.put("district", "LO-facket i Alingsås och Vårgårda");
            set.put("date", "2024-06-01");
            Http.Response put = staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", set);
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().path("displayTitle").asString()).isEqualTo("Styrelsen och årsmötet — LO-facket i Alingsås och Vårgårda");
            assertThat(put.json().path("overridden").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("title", "district", "date");
            assertThat(put.json().path("fromContent").path("title").asString()).isEqualTo("Om oss");
            // at once: the answer's source, the document list and the member's document page
            assertThat(sourceTitles(staff.ask(QUESTION))).contains("Styrelsen och årsmötet — LO-facket i Alingsås och Vårgårda");
            assertThat(listed(staff, "alingsas-om-oss").path("date").asString()).isEqualTo("2024-06-01");
            assertThat(staff.get("/dokument/alingsas-om-oss").body())
                    .contains("<h1>Styrelsen och årsmötet — LO-facket i Alingsås och Vårgårda</h1>");

            // PATCH changes only what it names; an empty value clears that field
            JsonNode patched = staff.patchJson("/api/admin/documents/alingsas-om-oss/metadata",
                    Map.of("organisation", "LO", "date", "")).json();
            assertThat(patched.path("overridden").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("title", "organisation", "district");
            assertThat(patched.path("date").asString()).isEqualTo("2024-03-05");

            // bad input: a clear message, nothing changed, the refusal in the audit log
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", Map.of("date", "5 mars 2024")),
                    400, "ÅÅÅÅ-MM-DD");
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", Map.of("date", "2024-02-30")),
                    400, "ÅÅÅÅ-MM-DD");
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", Map.of("title", "x".repeat(201))),
                    400, "för långt");
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", Map.of("title", "två\nrader")),
                    400, "radbrytningar");
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", Map.of("colour", "röd")),
                    400, "Okänt fält");
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", Map.of("title", 42)),
                    400, "text");
            assertRefused(staff.putJson("/api/admin/documents/finns-inte/metadata", Map.of("title", "Något")),
                    404, "finns-inte");
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", "inte json"), 400, "JSON-objekt");
            assertRefused(staff.putJson("/api/admin/documents/alingsas-om-oss/metadata", "[\"Om oss\"]"), 400, "JSON-objekt");
            assertThat(staff.get("/api/admin/documents/alingsas-om-oss/metadata").json().path("displayTitle").asString())
                    .isEqualTo("Styrelsen och årsmötet — LO-facket i Alingsås och Vårgårda");
            List<JsonNode> audit = staff.get("/api/admin/audit").json().valueStream()
                    .filter(e -> e.path("action").asString().equals("describe")).toList();
            assertThat(audit).extracting(e -> e.path("outcome").asString()).contains("ok", "refused");
        }

        try (var service = start()) {
            Http staff = staff(service);
            assertThat(staff.get("/api/admin/documents/alingsas-om-oss/metadata").json().path("displayTitle").asString())
                    .as("kept over a restart").isEqualTo("Styrelsen och årsmötet — LO-facket i Alingsås och Vårgårda");
            assertThat(staff.upload("alingsas-om-oss.md", NEWER).status()).isEqualTo(201);
            JsonNode replaced = staff.get("/api/admin/documents/alingsas-om-oss/metadata").json();
            assertThat(replaced.path("displayTitle").asString()).as("kept over a replaced file")
                    .isEqualTo("Styrelsen och årsmötet — LO-facket i Alingsås och Vårgårda");
            assertThat(replaced.path("date").asString()).as("the new file's own date, as none is set").isEqualTo("2025-01-10");

            Http.Response cleared = staff.delete("/api/admin/documents/alingsas-om-oss/metadata");
            assertThat(cleared.status()).isEqualTo(200);
            assertThat(cleared.json().path("displayTitle").asString()).isEqualTo("Om oss — LO-facket i Alingsås");
            assertThat(cleared.json().path("overridden")).isEmpty();
            assertThat(sourceTitles(staff.ask(QUESTION))).contains("Om oss — LO-facket i Alingsås");
        }

        try (var service = start()) {
            assertThat(staff(service).get("/api/admin/documents/alingsas-om-oss/metadata").json().path("overridden"))
                    .as("cleared stays cleared").isEmpty();
        }
    }

    private static void assertRefused(Http.Response response, int status, String says) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body()).contains(says);
    }

    private static List<String> sourceTitles(JsonNode reply) {
        return reply.path("sources").findValuesAsString("title");
    }

    private static JsonNode listed(Http staff, String documentId) throws Exception {
        return staff.get("/api/admin/documents").json().valueStream()
                .filter(d -> d.path("documentId").asString().equals(documentId)).findFirst().orElseThrow();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FragaFacketApplication.class).run(
                "--server.port=0",
                "--fraga.knowledge-dir=" + ROOT.resolve("knowledge"),
                "--fraga.data-dir=" + ROOT.resolve("data"),
                "--fraga.admin.username=personal",
                "--fraga.admin.password=klartext-lösen");
    }

    private static Http staff(ConfigurableApplicationContext service) {
        int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        return Http.staff(port, "personal", "klartext-lösen");
    }
}
