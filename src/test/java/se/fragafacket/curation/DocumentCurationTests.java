package se.fragafacket.curation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff changes take effect at once, in the answers and on disk, and nothing replaced or deleted is lost. */
class DocumentCurationTests extends CurationTestBase {

    private static final String QUESTION = "När hålls Kvarnbyträffen?";
    private static final byte[] MARCH = """
            # Kvarnbyträffen 2026

            Kvarnbyträffen hålls den 14 mars 2026 i Folkets hus i Umeå. Alla medlemmar är välkomna och anmäler sig till distriktet.
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] APRIL = """
            # Kvarnbyträffen 2026

            Kvarnbyträffen hålls den 9 april 2026 i Folkets hus i Luleå. Alla medlemmar är välkomna och anmäler sig till distriktet.
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void uploadReplaceDeleteAndRestoreChangeTheAnswersAtOnce() throws Exception {
        Http staff = staff();
        assertDeclined(staff.ask(QUESTION));

        Http.Response created = staff.upload("kvarnbytraffen.md", MARCH);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/admin/documents/kvarnbytraffen");
        JsonNode document = created.json();
        assertThat(document.path("documentId").asString()).isEqualTo("kvarnbytraffen");
        assertThat(document.path("title").asString()).isEqualTo("Kvarnbyträffen 2026");
        assertThat(document.path("fileName").asString()).isEqualTo("kvarnbytraffen.md");
        assertThat(document.path("chunks").asInt()).isPositive();
        assertThat(document.path("replaced").asBoolean()).isFalse();
        assertAnswered(staff.ask(QUESTION), "kvarnbytraffen", "14 mars");
        assertThat(Files.readAllBytes(KNOWLEDGE.resolve("kvarnbytraffen.md"))).isEqualTo(MARCH);
        JsonNode listed = staff.get("/api/admin/documents").json();
        assertThat(listed.findValuesAsString("documentId")).contains("kvarnbytraffen");

        JsonNode detail = staff.get("/api/admin/documents/kvarnbytraffen").json();
        assertThat(detail.path("fileName").asString()).isEqualTo("kvarnbytraffen.md");
        assertThat(detail.path("language").asString()).isEqualTo("sv");
        assertThat(detail.path("chunks").findValuesAsString("text")).anySatisfy(t -> assertThat(t).contains("14 mars"));

        Http.Response replaced = staff.upload("kvarnbytraffen.md", APRIL);
        assertThat(replaced.status()).isEqualTo(201);
        assertThat(replaced.json().path("replaced").asBoolean()).isTrue();
        JsonNode reply = staff.ask(QUESTION);
        assertAnswered(reply, "kvarnbytraffen", "9 april");
        assertThat(reply.toString()).doesNotContain("14 mars");
        JsonNode trial = staff.postJson("/api/admin/trial", Map.of("question", QUESTION)).json();
        assertThat(trial.path("passages").findValuesAsString("text")).noneSatisfy(t -> assertThat(t).contains("14 mars"));
        // the question's ideas as searched, per passage language, so staff see which words reached the documents
        assertThat(trial.path("ideas").path("sv").findValues("alternatives").stream()
                .flatMap(alternatives -> alternatives.valueStream().map(JsonNode::asString)).toList())
                .anySatisfy(stem -> assertThat(stem).startsWith("kvarnby"));
        assertThat(staff.get("/api/admin/documents/kvarnbytraffen").body()).contains("9 april").doesNotContain("14 mars");
        assertThat(Files.readAllBytes(KNOWLEDGE.resolve("kvarnbytraffen.md"))).isEqualTo(APRIL);
        JsonNode versions = staff.get("/api/admin/documents/kvarnbytraffen/versions").json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).path("reason").asString()).isEqualTo("replaced");

        assertThat(staff.delete("/api/admin/documents/kvarnbytraffen").status()).isEqualTo(204);
        assertDeclined(staff.ask(QUESTION));
        assertThat(staff.get("/api/admin/documents/kvarnbytraffen").status()).isEqualTo(404);
        assertThat(staff.get("/api/admin/documents").json().findValuesAsString("documentId")).doesNotContain("kvarnbytraffen");
        assertThat(knowledgeFiles()).doesNotContain("kvarnbytraffen.md");
        assertThat(staff.delete("/api/admin/documents/kvarnbytraffen").status()).isEqualTo(404);

        versions = staff.get("/api/admin/documents/kvarnbytraffen/versions").json();
        assertThat(versions.findValuesAsString("reason")).containsExactly("deleted", "replaced");
        String deleted = versions.get(0).path("versionId").asString();
        String first = versions.get(1).path("versionId").asString();
        assertThat(staff.get("/api/admin/versions").json().findValuesAsString("versionId")).contains(deleted, first);

        Http.Response restored = staff.post("/api/admin/documents/kvarnbytraffen/versions/" + deleted + "/restore");
        assertThat(restored.status()).isEqualTo(200);
        assertAnswered(staff.ask(QUESTION), "kvarnbytraffen", "9 april");
        assertThat(Files.readAllBytes(KNOWLEDGE.resolve("kvarnbytraffen.md"))).isEqualTo(APRIL);

        assertThat(staff.post("/api/admin/documents/kvarnbytraffen/versions/" + first + "/restore").status()).isEqualTo(200);
        assertAnswered(staff.ask(QUESTION), "kvarnbytraffen", "14 mars");
        assertThat(staff.get("/api/admin/documents/kvarnbytraffen/versions").json()).hasSize(3);
        assertThat(staff.post("/api/admin/documents/kvarnbytraffen/versions/20200101-000000-000/restore").status()).isEqualTo(404);

        List<JsonNode> audit = List.copyOf(staff.get("/api/admin/audit").json().valueStream().toList());
        assertThat(audit.stream().filter(e -> "kvarnbytraffen".equals(e.path("documentId").asString()))
                .map(e -> e.path("action").asString()).toList())
                .containsSubsequence("restore", "restore", "delete", "replace", "upload");
        assertThat(audit).allSatisfy(e -> assertThat(e.path("user").asString()).isEqualTo(STAFF));
    }

    @Test
    void readsUploadedPdfWordAndOpenDocumentFiles() throws Exception {
        Http staff = staff();
        assertThat(staff.upload("sommarlager.pdf", Fixtures.pdf("Sommarläger 2026",
                "Sommarlägret vid Storsjön börjar den 3 juli 2026 och pågår i fem dagar.")).status()).isEqualTo(201);
        assertThat(staff.upload("flexpension.docx", Fixtures.docx("Flexpension",
                "Ombudsmannen Lisa Grönberg svarar på frågor om flexpensionen i Skellefteå.")).status()).isEqualTo(201);
        assertThat(staff.upload("hudiksvall.odt", Fixtures.odt("Medlemsmöte i Hudiksvall",
                "Medlemsmötet i Hudiksvall hålls i Glada Laxens lokal vid hamnen och det är öppet för alla som är medlemmar.",
                "Det finns kaffe och smörgås för den som anmäler sig till avdelningen.")).status()).isEqualTo(201);

        assertAnswered(staff.ask("När börjar sommarlägret vid Storsjön?"), "sommarlager", "3 juli");
        assertAnswered(staff.ask("Vem svarar på frågor om flexpensionen i Skellefteå?"), "flexpension", "Lisa Grönberg");
        assertAnswered(staff.ask("Var hålls medlemsmötet i Hudiksvall?"), "hudiksvall", "Glada Laxens");
        assertThat(staff.get("/api/admin/documents/sommarlager").json().path("title").asString()).isEqualTo("Sommarläger 2026");
    }

    @Test
    void replacingThroughADocumentKeepsItsIdWhateverTheNewFileIsCalled() throws Exception {
        Http staff = staff();
        byte[] old = "Valborgsfirandet i Kalmar börjar klockan 19 vid slottet och det är öppet för alla som är medlemmar."
                .getBytes(StandardCharsets.UTF_8);
        assertThat(staff.upload("valborgsmassan.txt", old).status()).isEqualTo(201);
        Http.Response replaced = staff.upload("Valborg-nytt-program.pdf",
                Fixtures.pdf("Valborg", "Valborgsfirandet i Kalmar börjar klockan 20 vid stranden och det är öppet för alla som är medlemmar."),
                Map.of("replaces", "valborgsmassan"));
        assertThat(replaced.status()).isEqualTo(201);
        assertThat(replaced.json().path("fileName").asString()).isEqualTo("valborgsmassan.pdf");
        assertThat(replaced.json().path("replaced").asBoolean()).isTrue();
        assertThat(knowledgeFiles()).contains("valborgsmassan.pdf").doesNotContain("valborgsmassan.txt");
        JsonNode reply = staff.ask("När börjar valborgsfirandet i Kalmar?");
        assertAnswered(reply, "valborgsmassan", "klockan 20");
        assertThat(reply.toString()).doesNotContain("klockan 19");
        assertThat(staff.get("/api/admin/documents/valborgsmassan/versions").json().findValuesAsString("fileName"))
                .containsExactly("valborgsmassan.txt");

        Http.Response unknown = staff.upload("nagot.txt", "Något helt annat.".getBytes(StandardCharsets.UTF_8),
                Map.of("replaces", "finns-inte"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(knowledgeFiles()).doesNotContain("nagot.txt", "finns-inte.txt");
    }
}
