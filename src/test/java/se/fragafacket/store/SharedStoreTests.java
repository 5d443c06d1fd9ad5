package se.fragafacket.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.fragafacket.answer.Conversations;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one real PostgreSQL database, each with its own data folder and index, as
 * behind a load balancer: a staff change on either reaches the other's answers, a conversation goes on across
 * them, and the kept versions are the same on both.
 */
class SharedStoreTests {

    private static final Path ROOT = Path.of("target", "shared-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private static final String QUESTION = "När hålls Fjällträffen?";
    private static final byte[] MAY = """
            # Fjällträffen 2026

            Fjällträffen hålls den 12 maj 2026 i Folkets hus i Kiruna. Alla medlemmar är välkomna och anmäler sig till distriktet.
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] JUNE = """
            # Fjällträffen 2026

            Fjällträffen hålls den 3 juni 2026 i Folkets hus i Gällivare. Alla medlemmar är välkomna och anmäler sig till distriktet.
            """.getBytes(StandardCharsets.UTF_8);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SharedStoreTests.class);
    private static Instance a;
    private static Instance b;

    @BeforeAll
    static void start() {
        String url = TestPostgres.server().newDatabase("shared_store");
        a = Instance.start(url, ROOT.resolve("a"));
        b = Instance.start(url, ROOT.resolve("b"));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void bothInstancesIndexTheSeededDocuments() throws Exception {
        JsonNode onA = a.staffGet("/api/admin/documents").json();
        JsonNode onB = b.staffGet("/api/admin/documents").json();
        assertThat(onA.findValuesAsString("documentId")).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(onB.findValuesAsString("documentId"));
    }

    @Test
    void aChangeOnOneInstanceReachesTheOthersAnswers() throws Exception {
        assertThat(b.cited(QUESTION)).doesNotContain("fjalltraffen");

        assertThat(a.upload("fjalltraffen.md", MAY).status()).isEqualTo(201);
        long uploaded = System.nanoTime();
        eventually(() -> b.ask(QUESTION, null).toString().contains("12 maj"));
        log.info("An upload on A was answered from on B {} ms after the upload returned", (System.nanoTime() - uploaded) / 1_000_000);
        assertThat(a.ask(QUESTION, null).toString()).contains("12 maj");
        assertThat(b.cited(QUESTION)).contains("fjalltraffen");

        assertThat(b.upload("fjalltraffen.md", JUNE).status()).isEqualTo(201);
        eventually(() -> a.ask(QUESTION, null).toString().contains("3 juni"));
        assertThat(a.ask(QUESTION, null).toString()).doesNotContain("12 maj");
        assertThat(a.staffGet("/api/admin/documents/fjalltraffen/versions").json().findValuesAsString("reason"))
                .containsExactly("replaced");

        assertThat(a.staffDelete("/api/admin/documents/fjalltraffen").status()).isEqualTo(204);
        eventually(() -> !b.cited(QUESTION).contains("fjalltraffen"));
        assertThat(b.staffGet("/api/admin/documents/fjalltraffen").status()).isEqualTo(404);
        JsonNode versions = b.staffGet("/api/admin/documents/fjalltraffen/versions").json();
        assertThat(versions.findValuesAsString("reason")).containsExactly("deleted", "replaced");

        String may = versions.get(1).path("versionId").asString();
        assertThat(b.staffPost("/api/admin/documents/fjalltraffen/versions/" + may + "/restore").status()).isEqualTo(200);
        eventually(() -> a.ask(QUESTION, null).toString().contains("12 maj"));
        assertThat(a.ask(QUESTION, null).toString()).doesNotContain("3 juni");
    }

    @Test
    void whomADocumentSpeaksForSetOnOneInstanceIsSeenOnTheOther() throws Exception {
        String documentId = "lo-vestoppland-hva-vi-gjor";
        String path = "/api/admin/documents/" + documentId + "/metadata";
        assertThat(b.staffGet(path).json().path("displayTitle").asString()).isEqualTo("Hva vi gjør — LO i Vestoppland");

        var set = a.staffPut(path, "application/json", "{\"title\":\"Hva LO i Vestoppland gjør\",\"date\":\"2024-09-01\"}");
        assertThat(set.status()).isEqualTo(200);
        eventually(() -> b.staffGet(path).json().path("displayTitle").asString().equals("Hva LO i Vestoppland gjør"));
        assertThat(b.staffGet(path).json().path("date").asString()).isEqualTo("2024-09-01");
        assertThat(b.ask("Hva gjør LO i Vestoppland for medlemmene?", null).path("sources").findValuesAsString("title"))
                .contains("Hva LO i Vestoppland gjør");
        assertThat(a.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT title FROM document_metadata WHERE document_id = ?", String.class, documentId))
                .as("kept in the store").isEqualTo("Hva LO i Vestoppland gjør");

        assertThat(b.staffDelete(path).status()).isEqualTo(200);
        eventually(() -> a.staffGet(path).json().path("displayTitle").asString().equals("Hva vi gjør — LO i Vestoppland"));
    }

    @Test
    void aConversationGoesOnOnTheOtherInstance() throws Exception {
        JsonNode first = a.ask("Hur många LO-distrikt finns det idag?", null);
        String conversation = first.path("conversationId").asString();
        JsonNode second = b.ask("Vem är ansvarig för det?", conversation);
        assertThat(second.path("conversationId").asString()).isEqualTo(conversation);

        Conversations onA = a.context.getBean(Conversations.class);
        List<Conversations.Turn> turns = onA.turns(Conversations.key("api", conversation));
        assertThat(turns).extracting(Conversations.Turn::question)
                .containsExactly("Hur många LO-distrikt finns det idag?", "Vem är ansvarig för det?");
        assertThat(turns.get(1).answer()).isEqualTo(second.path("answer").asString());
    }

    @Test
    void staffSeeTheSameAuditInsightsAndRegressionQuestionsOnEitherInstance() throws Exception {
        String question = "Hur många hästar har Fjällträffens styrelse i Abisko?";
        JsonNode reply = a.ask(question, null);
        assertThat(reply.path("answered").asBoolean()).isFalse();
        // the member marks on B what A answered: it joins the answer all the same
        assertThat(b.postJson("/api/feedback", Instance.JSON.writeValueAsString(java.util.Map.of(
                "conversationId", reply.path("conversationId").asString(), "messageId", reply.path("messageId").asString(),
                "helpful", false, "comment", "Inget svar alls"))).status()).isBetween(200, 204);
        JsonNode insights = b.staffGet("/api/admin/insights").json();
        JsonNode group = null;
        for (JsonNode g : insights) {
            if (question.equals(g.path("question").asString())) {
                group = g;
            }
        }
        assertThat(group).as("insights on B hold the question asked on A").isNotNull();
        assertThat(group.path("unanswered").asInt()).isEqualTo(1);
        assertThat(group.path("unhelpful").asInt()).isEqualTo(1);
        assertThat(group.path("comments").findValuesAsString("text")).containsExactly("Inget svar alls");

        String list = "{\"id\":\"distrikt\",\"question\":\"Hur många LO-distrikt finns det idag?\",\"expect_all\":[\"nio\"],\"answerable\":true}\n";
        assertThat(a.staffPut("/api/admin/regression/questions", "text/plain", list).status()).isEqualTo(200);
        assertThat(b.staffGet("/api/admin/regression/questions").body()).isEqualTo(list);
        eventually(() -> b.staffGet("/api/admin/regression").json().path("last").path("total").asInt() == 1);
        assertThat(b.staffGet("/api/admin/regression").json().path("last").path("passed").asInt()).isEqualTo(1);

        assertThat(b.staffGet("/api/admin/audit").json().findValuesAsString("action")).contains("regression-save");
    }

    @Test
    void staffsSynonymsSavedOnOneInstanceAreTheOthersToo() throws Exception {
        String list = "plutten => huvudkontoret\n";
        try {
            assertThat(a.staffPut("/api/admin/synonyms", "text/plain", list).status()).isEqualTo(200);
            assertThat(b.staffGet("/api/admin/synonyms").body()).isEqualTo(list);
            assertThat(b.staffPut("/api/admin/synonyms", "text/plain", "a => b => c\n").status()).isEqualTo(400);
            assertThat(a.staffGet("/api/admin/synonyms").body()).isEqualTo(list);
        } finally {
            a.staffPut("/api/admin/synonyms", "text/plain", se.fragafacket.search.OrganisationSynonyms.shippedList());
        }
    }

    @Test
    void aStaffSessionStartedOnOneInstanceHoldsOnTheOther() throws Exception {
        String session = a.login();
        assertThat(b.getWithCookie("/admin/api/insights", session).status()).isEqualTo(200);
        assertThat(b.getWithCookie("/admin/api/insights", "SESSION=none").status()).isEqualTo(401);
    }

    /**
     * Waits until the condition holds; the bound is far beyond the notification's delay and only ends a test
     * that would otherwise never end.
     */
    static void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("condition still false after 2 minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
