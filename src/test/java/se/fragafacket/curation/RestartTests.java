package se.fragafacket.curation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.fragafacket.FragaFacketApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What staff changed is still so after a restart, and after rebuilding the index from the folder alone. */
class RestartTests {

    private static final Path ROOT = Path.of("target", "curation-tests", "restart-" + UUID.randomUUID()).toAbsolutePath();
    private static final String QUESTION = "När öppnar julmarknaden i Visby?";

    @Test
    void curatedKnowledgeBaseHistoryInsightsAndRegressionQuestionsSurviveRestarts() throws Exception {
        CurationTestBase.copyKnowledge(Path.of("knowledge"), ROOT.resolve("knowledge"));
        List<String> documents;
        try (var service = start()) {
            Http staff = staff(service);
            assertThat(staff.upload("julmarknad.txt", ("Julmarknaden i Visby öppnar den 6 december och det är öppet för "
                    + "alla som är medlemmar.").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
            assertThat(staff.delete("/api/admin/documents/lo-vestoppland-hva-vi-gjor").status()).isEqualTo(204);
            staff.put("/api/admin/regression/questions", "text/plain",
                    "{\"id\":\"jul\",\"question\":\"" + QUESTION + "\",\"expect_all\":[\"6 december\"]}\n");
            CurationTestBase.assertDeclined(staff.ask("Vad kostar en båtbiljett till Gotland i juli?"));
            documents = ids(staff);
        }

        try (var service = start()) {
            Http staff = staff(service);
            assertThat(ids(staff)).isEqualTo(documents).contains("julmarknad").doesNotContain("lo-vestoppland-hva-vi-gjor");
            CurationTestBase.assertAnswered(staff.ask(QUESTION), "julmarknad", "6 december");
            assertThat(staff.get("/api/admin/documents/lo-vestoppland-hva-vi-gjor/versions").json()).hasSize(1);
            assertThat(staff.get("/api/admin/insights").body()).contains("båtbiljett till Gotland");
            assertThat(staff.get("/api/admin/regression/questions").body()).contains("\"jul\"");
            assertThat(staff.get("/api/admin/audit").json().findValuesAsString("action")).contains("upload", "delete");
        }

        deleteTree(ROOT.resolve("data/index"));
        try (var service = start()) {
            Http staff = staff(service);
            assertThat(ids(staff)).as("the folder alone gives the same knowledge base").isEqualTo(documents);
            CurationTestBase.assertAnswered(staff.ask(QUESTION), "julmarknad", "6 december");
            String version = staff.get("/api/admin/documents/lo-vestoppland-hva-vi-gjor/versions").json().get(0)
                    .path("versionId").asString();
            assertThat(staff.post("/api/admin/documents/lo-vestoppland-hva-vi-gjor/versions/" + version + "/restore")
                    .status()).isEqualTo(200);
            assertThat(ids(staff)).contains("lo-vestoppland-hva-vi-gjor");
        }
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

    private static List<String> ids(Http staff) throws Exception {
        JsonNode documents = staff.get("/api/admin/documents").json();
        return documents.findValuesAsString("documentId");
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
