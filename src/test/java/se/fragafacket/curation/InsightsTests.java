package se.fragafacket.curation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import se.fragafacket.answer.FeedbackGiven;
import se.fragafacket.answer.QuestionAnswered;
import se.fragafacket.config.FragaProperties;

import static org.assertj.core.api.Assertions.assertThat;

class InsightsTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path data;

    private Insights insights(int kept) {
        return new Insights(new FragaProperties(data.resolve("knowledge"), data),
                new CurationProperties(DataSize.ofMegabytes(20), 20, kept, 200, 2));
    }

    private static QuestionAnswered asked(String messageId, String question, boolean answered, String answer, Instant at) {
        return new QuestionAnswered("c-" + messageId, messageId, "web", question, answered, answer,
                answered ? List.of("lo-lokalt-och-regionalt") : List.of(), at);
    }

    @Test
    void keepsUnansweredQuestionsMaskedGroupedAndNewestFirst() throws Exception {
        Insights insights = insights(100);
        insights.answered(asked("m1", "Vad kostar en pizza? Ring 070-123 45 67", false, "Ring 020-56 00 56", T0));
        insights.answered(asked("m2", "Hur många LO-distrikt finns det?", true, "Nio.", T0.plusSeconds(10)));
        insights.answered(asked("m3", "vad kostar en  pizza ring 070 123 45 67!", false, "Ring 020-56 00 56", T0.plusSeconds(20)));
        insights.answered(asked("m4", "Mitt personnummer är 19850312-1234, vad gäller?", false, "Ring", T0.plusSeconds(30)));
        insights.answered(new QuestionAnswered("c", "m5", "eval", "En regressionsfråga utan svar", false, "Ring", List.of(),
                T0.plusSeconds(40)));

        List<Insights.Group> groups = insights.groups();
        assertThat(groups).extracting(Insights.Group::question).containsExactly(
                "Mitt personnummer är [personnummer], vad gäller?", "vad kostar en  pizza ring [telefonnummer]!");
        assertThat(groups.get(1).unanswered()).isEqualTo(2);
        assertThat(groups.get(1).firstAt()).isEqualTo(T0);
        String stored = Files.readString(data.resolve("insights.jsonl"));
        assertThat(stored).doesNotContain("070", "19850312", "1234", "LO-distrikt", "regressionsfråga");
    }

    @Test
    void smallTalkIsNotListedAsUnanswered() {
        Insights insights = insights(100);
        insights.answered(new QuestionAnswered("c", "m1", "web", "Hej!", false, "Hej! Jag svarar på frågor …", List.of(),
                T0, true));
        insights.answered(asked("m2", "Vad kostar en pizza?", false, "Ring 020-56 00 56", T0.plusSeconds(1)));

        assertThat(insights.groups()).extracting(Insights.Group::question).containsExactly("Vad kostar en pizza?");
    }

    @Test
    void joinsUnhelpfulMarksWithTheirQuestionAndMaskedComment() throws Exception {
        Insights insights = insights(100);
        insights.answered(asked("m1", "Hur många LO-distrikt finns det?", true, "I dag finns det nio LO-distrikt.", T0));
        insights.feedback(new FeedbackGiven("c-m1", "m1", false, "Fel! Mejla mig på anna@example.se", T0.plusSeconds(5)));
        insights.feedback(new FeedbackGiven("c-m1", "m1", true, "Bra", T0.plusSeconds(6)));
        insights.feedback(new FeedbackGiven("c-m1", "m1", false, "Fel igen", T0.plusSeconds(7)));
        insights.feedback(new FeedbackGiven("c-x", "okänt-id", false, "Svaret var gammalt", T0.plusSeconds(8)));

        List<Insights.Group> groups = insights.groups();
        assertThat(groups).as("marks on unknown answers and repeated marks are not kept").hasSize(1);
        Insights.Group marked = groups.get(0);
        assertThat(marked.question()).isEqualTo("Hur många LO-distrikt finns det?");
        assertThat(marked.unhelpful()).isEqualTo(1);
        assertThat(marked.answer()).contains("nio");
        assertThat(marked.documentIds()).containsExactly("lo-lokalt-och-regionalt");
        assertThat(marked.comments()).extracting(Insights.Comment::text).containsExactly("Fel! Mejla mig på [e-post]");
        assertThat(Files.readString(data.resolve("insights.jsonl"))).doesNotContain("anna@example.se", "Bra");
    }

    @Test
    void survivesARestartAndKeepsOnlyTheNewest() throws Exception {
        Insights before = insights(3);
        for (int i = 0; i < 10; i++) {
            before.answered(asked("m" + i, "Fråga nummer " + (char) ('A' + i), false, "Ring", T0.plusSeconds(i)));
        }
        List<Insights.Group> kept = before.groups();
        before.close(); // as at shutdown: what was queued is written
        Insights after = insights(3);
        assertThat(after.groups()).extracting(Insights.Group::question)
                .containsExactly("Fråga nummer J", "Fråga nummer I", "Fråga nummer H");
        assertThat(after.groups()).isEqualTo(kept);
    }
}
