package se.fragafacket.curation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff's regression questions run after every change and on demand, and show what newly fails. */
class RegressionQuestionsTests extends CurationTestBase {

    private static final String QUESTIONS = """
            {"id":"bryggeri","lang":"sv","question":"Vilken dag är Bryggeridagen i Gävle?","answerable":true,"source":"bryggeridagen","expect_all":["12 september"]}
            {"id":"distrikt","lang":"sv","question":"Hur många LO-distrikt finns det idag?","answerable":true,"source":"lo-lokalt-och-regionalt","expect_any":["nio"]}
            {"id":"pizza","lang":"sv","question":"Vad kostar en pizza i Katrineholm?","answerable":false}
            """;

    @AfterEach
    void emptyTheList() throws Exception {
        staff().put("/api/admin/regression/questions", "text/plain", "");
        staff().delete("/api/admin/documents/bryggeridagen");
    }

    @Test
    void runsAfterEveryChangeAndShowsWhatNewlyFails() throws Exception {
        Http staff = staff();
        assertThat(staff.put("/api/admin/regression/questions", "text/plain", QUESTIONS).json().path("questions").asInt())
                .isEqualTo(3);
        assertThat(staff.get("/api/admin/regression/questions").body()).isEqualTo(QUESTIONS);
        JsonNode before = regressionAfter(staff, "frågorna ändrades").path("last");
        assertThat(outcome(before, "bryggeri").path("passed").asBoolean()).isFalse();
        assertThat(outcome(before, "distrikt").path("passed").asBoolean()).isTrue();
        assertThat(outcome(before, "pizza").path("passed").asBoolean()).isTrue();

        assertThat(staff.upload("bryggeridagen.txt", ("Bryggeridagen i Gävle är den 12 september och det är öppet för "
                + "alla som är medlemmar i facket.").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        JsonNode afterUpload = regressionAfter(staff, "bryggeridagen.txt uppladdad").path("last");
        assertThat(afterUpload.path("passed").asInt()).isEqualTo(3);
        assertThat(afterUpload.path("newlyFailing").asInt()).isZero();

        assertThat(staff.delete("/api/admin/documents/bryggeridagen").status()).isEqualTo(204);
        JsonNode afterDelete = regressionAfter(staff, "bryggeridagen.txt borttagen").path("last");
        assertThat(afterDelete.path("newlyFailing").asInt()).isEqualTo(1);
        JsonNode broken = outcome(afterDelete, "bryggeri");
        assertThat(broken.path("passed").asBoolean()).isFalse();
        assertThat(broken.path("newlyFailing").asBoolean()).isTrue();
        assertThat(broken.path("answered").asBoolean()).isFalse();
        assertThat(outcome(afterDelete, "distrikt").path("newlyFailing").asBoolean()).isFalse();

        String version = staff.get("/api/admin/documents/bryggeridagen/versions").json().get(0).path("versionId").asString();
        staff.post("/api/admin/documents/bryggeridagen/versions/" + version + "/restore");
        assertThat(outcome(regressionAfter(staff, "bryggeridagen.txt återställd").path("last"), "bryggeri")
                .path("passed").asBoolean()).isTrue();

        Http.Response started = staff.post("/api/admin/regression/run");
        assertThat(started.status()).isEqualTo(202);
        assertThat(regressionAfter(staff, "på begäran").path("last").path("total").asInt()).isEqualTo(3);
    }

    @Test
    void aBadListIsRefusedAndTheOldOneKept() throws Exception {
        Http staff = staff();
        staff.put("/api/admin/regression/questions", "text/plain", QUESTIONS);
        Http.Response broken = staff.put("/api/admin/regression/questions", "text/plain",
                "{\"id\":\"a\",\"question\":\"Hej?\"}\n{inte json\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).contains("Line 2");
        Http.Response twice = staff.put("/api/admin/regression/questions", "text/plain",
                "{\"id\":\"a\",\"question\":\"Hej?\"}\n{\"id\":\"a\",\"question\":\"Hå?\"}\n");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(staff.get("/api/admin/regression/questions").body()).isEqualTo(QUESTIONS);
    }

    @Test
    void oneQuestionCanBeAdded() throws Exception {
        Http staff = staff();
        Http.Response added = staff.postJson("/api/admin/regression/questions", Map.of("id", "utgivare",
                "question", "Vem är ansvarig utgivare för LO.se?", "expect_any", new String[] {"Annika Nilsson"}));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("id").asString()).isEqualTo("utgivare");
        assertThat(staff.get("/api/admin/regression/questions").body()).contains("\"utgivare\"");
        assertThat(staff.postJson("/api/admin/regression/questions", Map.of("id", "tom")).status()).isEqualTo(400);
        assertThat(outcome(regressionAfter(staff, "frågorna ändrades").path("last"), "utgivare").isMissingNode()).isFalse();
    }

    private static JsonNode outcome(JsonNode run, String id) {
        for (JsonNode outcome : run.path("outcomes")) {
            if (id.equals(outcome.path("id").asString())) {
                return outcome;
            }
        }
        throw new AssertionError("no outcome for " + id + " in " + run);
    }
}
