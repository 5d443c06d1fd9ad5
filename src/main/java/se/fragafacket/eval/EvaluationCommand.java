package se.fragafacket.eval;

import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --eval=questions.jsonl}: runs a question set against the knowledge base, prints each question's
 * outcome and the totals, and exits (no web server is started).
 */
@Component
@ConditionalOnProperty("eval")
class EvaluationCommand implements ApplicationRunner {

    private final Evaluation evaluation;

    EvaluationCommand(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path file = Path.of(args.getOptionValues("eval").get(0));
        var report = evaluation.run(QuestionSet.read(file));
        System.out.print(Evaluation.format(report));
    }
}
