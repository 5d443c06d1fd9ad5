package se.fragafacket.curation;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import se.fragafacket.answer.FeedbackGiven;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Members' unanswered questions and unhelpful marks reach staff, grouped, newest first, without personal data. */
class InsightsApiTests extends CurationTestBase {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void unansweredQuestionsFromMembersAreListedMaskedAndGrouped() throws Exception {
        Http member = anonymous();
        assertDeclined(member.ask("Vad kostar en pizza i Katrineholm? Ring mig på 070-765 43 21."));
        assertDeclined(member.ask("vad kostar en pizza i katrineholm ring mig på 070 765 43 21"));
        assertDeclined(member.ask("Får jag ta med hunden till Kvarnholmens badplats? Mitt pnr är 19790101-2389."));

        JsonNode insights = staff().get("/api/admin/insights").json();
        JsonNode newest = insights.get(0);
        assertThat(newest.path("question").asString()).isEqualTo("Får jag ta med hunden till Kvarnholmens badplats? Mitt pnr är [personnummer].");
        JsonNode pizza = insights.get(1);
        assertThat(pizza.path("question").asString()).startsWith("vad kostar en pizza i katrineholm ring mig på [telefonnummer]");
        assertThat(pizza.path("count").asInt()).isEqualTo(2);
        assertThat(pizza.path("unanswered").asInt()).isEqualTo(2);
        assertThat(pizza.path("channels").toString()).contains("api");
        assertThat(insights.toString()).doesNotContain("765 43 21", "19790101");
        assertThat(Files.readString(DATA.resolve("insights.jsonl"))).doesNotContain("765 43 21", "19790101-2389");
    }

    @Test
    void answersMarkedUnhelpfulAreListedWithTheirQuestionAndComment() throws Exception {
        JsonNode reply = anonymous().ask("Hur många LO-distrikt finns det idag?");
        events.publishEvent(new FeedbackGiven(reply.path("conversationId").asString(), reply.path("messageId").asString(),
                false, "Stämmer inte, ring mig på 08-123 456 78", Instant.now()));
        JsonNode helped = anonymous().ask("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?");
        events.publishEvent(new FeedbackGiven(helped.path("conversationId").asString(), helped.path("messageId").asString(),
                true, "Tack!", Instant.now()));

        JsonNode newest = staff().get("/api/admin/insights").json().get(0);
        assertThat(newest.path("question").asString()).isEqualTo("Hur många LO-distrikt finns det idag?");
        assertThat(newest.path("unhelpful").asInt()).isEqualTo(1);
        assertThat(newest.path("answer").asString()).contains("nio");
        assertThat(newest.path("comments").get(0).path("text").asString()).isEqualTo("Stämmer inte, ring mig på [telefonnummer]");
        assertThat(staff().get("/api/admin/insights").body()).doesNotContain("Tack!", "fackligt politisk");
    }

    @Test
    void staffTrialQuestionsAreNotInsights() throws Exception {
        staff().postJson("/api/admin/trial", Map.of("question", "Vad kostar en glass på Kvarnholmens badplats i juli?"));
        assertThat(staff().get("/api/admin/insights").body()).doesNotContain("glass");
    }

    @Test
    void staffTryAFollowUpAfterTheEarlierQuestionsOfAConversation() throws Exception {
        String followUp = "Vem är ansvarig för det?";
        JsonNode alone = staff().postJson("/api/admin/trial", Map.of("question", followUp)).json();
        assertThat(alone.path("answered").asBoolean()).isFalse();
        assertThat(alone.path("reason").asString()).contains("följdfråga");

        JsonNode after = staff().postJson("/api/admin/trial", Map.of("question", followUp, "earlier",
                java.util.List.of("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?"))).json();
        assertThat(after.path("answered").asBoolean()).isTrue();
        assertThat(after.path("answer").asString()).contains("Ansvarig");
        assertThat(after.path("sources").findValuesAsString("documentId")).contains("lo-mellansverige-om-oss");
        assertThat(staff().get("/api/admin/insights").body()).doesNotContain("ansvarig för det", "fackligt politisk");
    }
}
