package se.fragafacket.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import se.fragafacket.ServiceTest;

/** The public question set, run against the service as it starts from a fresh clone. */
@ServiceTest
class EvaluationTests {

    @Autowired
    Evaluation evaluation;

    @Test
    void answersAtLeastNinetyPercentOfThePublicSetAndDeclinesEveryUnanswerableQuestion() throws IOException {
        List<EvalCase> questions = QuestionSet.parse(
                new ClassPathResource("eval/dev.jsonl").getContentAsString(StandardCharsets.UTF_8));

        Evaluation.Report report = evaluation.run(questions);
        System.out.print(Evaluation.format(report));

        assertThat(report.answerable()).isEqualTo(20);
        assertThat(report.unanswerable()).isEqualTo(2);
        assertThat((double) report.correct() / report.answerable())
                .as("correct answers: " + report.summary()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.results()).filteredOn(r -> !r.question().answerable())
                .as("unanswerable questions that were answered")
                .allSatisfy(r -> assertThat(r.response().answered()).as(r.question().id()).isFalse());
    }

    /**
     * The project's own broader set (Swedish, Norwegian and English, follow-ups, questions near the documents
     * that they do not answer, prompt injections), so a change that helps the public set at the expense of
     * members' other questions is seen.
     */
    @Test
    void answersTheProjectsOwnBroaderSetAndRarelyAnswersWhatTheDocumentsDoNotHold() throws IOException {
        List<EvalCase> questions = QuestionSet.parse(
                new ClassPathResource("eval/extra.jsonl").getContentAsString(StandardCharsets.UTF_8));

        Evaluation.Report report = evaluation.run(questions);
        System.out.print(Evaluation.format(report));

        assertThat((double) report.correct() / report.answerable())
                .as("correct answers: " + report.summary()).isGreaterThanOrEqualTo(0.8);
        assertThat((double) report.abstained() / report.unanswerable())
                .as("declined: " + report.summary()).isGreaterThanOrEqualTo(0.9);
    }
}
