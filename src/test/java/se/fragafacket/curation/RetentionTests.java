package se.fragafacket.curation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import se.fragafacket.MovableClock;
import se.fragafacket.answer.QuestionAnswered;
import se.fragafacket.config.FragaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Members' questions are kept for a bounded time, staff can delete them, and keeping them never fails an answer. */
class RetentionTests {

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock();
    private final CurationProperties curation = new CurationProperties(DataSize.ofMegabytes(20), 20, 100, 200, 2);

    private Insights insights() {
        return new Insights(new FragaProperties(data.resolve("knowledge"), data), curation);
    }

    private QuestionAnswered unanswered(String id, String question) {
        return new QuestionAnswered("c-" + id, id, "web", question, false, "Ring 020-56 00 56", List.of(), clock.instant());
    }

    @Test
    void questionsAndAuditEntriesOlderThanTheRetentionAreDeletedFromMemoryAndDisk() throws Exception {
        Insights insights = insights();
        AuditLog audit = new AuditLog(new FragaProperties(data.resolve("knowledge"), data), clock, curation);
        var retention = new Retention(insights, audit, clock, new PrivacyProperties(Duration.ofDays(90), Duration.ofHours(1)));

        insights.answered(unanswered("m1", "Gammal fråga om semesterlönen?"));
        audit.record("personal", "upload", "gammal.md", "gammal", "ok", "");
        clock.advance(Duration.ofDays(60));
        insights.answered(unanswered("m2", "Ny fråga om föräldraledighet?"));
        audit.record("personal", "upload", "ny.md", "ny", "ok", "");

        clock.advance(Duration.ofDays(30)); // the first ones are 90 days old: still kept
        assertThat(retention.run()).isZero();
        assertThat(insights.groups()).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(retention.run()).isEqualTo(2);

        assertThat(insights.groups()).extracting(Insights.Group::question).containsExactly("Ny fråga om föräldraledighet?");
        assertThat(audit.recent()).extracting(AuditLog.Entry::fileName).containsExactly("ny.md");
        assertThat(Files.readString(data.resolve("insights.jsonl"))).doesNotContain("semesterlönen");
        assertThat(Files.readString(data.resolve("audit.jsonl"))).doesNotContain("gammal.md");
        // and after a restart
        assertThat(insights().groups()).extracting(Insights.Group::question).containsExactly("Ny fråga om föräldraledighet?");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aRunCutShortByTheServiceStoppingIsNoError(org.springframework.boot.test.system.CapturedOutput output) {
        Insights insights = insights();
        AuditLog audit = new AuditLog(new FragaProperties(data.resolve("knowledge"), data), clock, curation);
        var retention = new Retention(insights, audit, clock, new PrivacyProperties(Duration.ofDays(90), Duration.ofHours(1)));
        Thread.currentThread().interrupt(); // as the scheduler's shutdownNow() interrupts it
        try {
            assertThat(retention.run()).isZero();
        } finally {
            Thread.interrupted();
        }
        assertThat(output).contains("Deleting old insights stopped: the service is stopping")
                .doesNotContain("Could not delete");
    }

    @Test
    void staffCanDeleteAQuestionWithAllItsEntries() throws Exception {
        Insights insights = insights();
        insights.answered(unanswered("m1", "Vad kostar en pizza?"));
        insights.answered(unanswered("m2", "vad kostar en  pizza"));
        insights.answered(unanswered("m3", "Hur många distrikt finns det?"));

        assertThat(insights.delete("Vad kostar en pizza?")).isEqualTo(2);
        assertThat(insights.delete("Vad kostar en pizza?")).isZero();

        assertThat(insights.groups()).extracting(Insights.Group::question).containsExactly("Hur många distrikt finns det?");
        assertThat(Files.readString(data.resolve("insights.jsonl"))).doesNotContainIgnoringCase("pizza");
    }

    @Test
    void aFailingDiskNeverFailsTheAnswerThatWasGiven() throws Exception {
        Insights insights = insights();
        // the file cannot be written: a folder stands where it should be
        Files.createDirectories(data.resolve("insights.jsonl"));

        insights.answered(unanswered("m1", "Fråga när disken är full?")); // returns: the write is not on the member's path

        assertThat(insights.groups()).extracting(Insights.Group::question).containsExactly("Fråga när disken är full?");
        insights.answered(unanswered("m2", "En fråga till?"));
        assertThat(insights.groups()).hasSize(2);
    }

    @Test
    void theNorwegianBirthNumberIsMaskedButTheOfficePhoneInTheAnswerStays() throws Exception {
        Insights insights = insights();
        insights.answered(new QuestionAnswered("c", "m1", "telegram", "Fødselsnummeret mitt er 01017512345, hvem ringer jeg?",
                false, "Ring Per Ek på 22 33 44 55.", List.of(), clock.instant()));
        insights.feedback(new se.fragafacket.answer.FeedbackGiven("c", "m1", false, "Mitt D-nummer 41017512345", clock.instant()));

        Insights.Group group = insights.groups().get(0);
        assertThat(group.question()).isEqualTo("Fødselsnummeret mitt er [personnummer], hvem ringer jeg?");
        assertThat(group.answer()).isEqualTo("Ring Per Ek på 22 33 44 55.");
        assertThat(group.comments()).extracting(Insights.Comment::text).containsExactly("Mitt D-nummer [personnummer]");
        assertThat(Files.readString(data.resolve("insights.jsonl"))).doesNotContain("01017512345", "41017512345")
                .contains("22 33 44 55");
    }
}
