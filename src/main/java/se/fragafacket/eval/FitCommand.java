package se.fragafacket.eval;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.answer.extract.Decision;
import se.fragafacket.answer.extract.Scorer;

/**
 * {@code --fit=train.jsonl[,more.jsonl] --fit-dev=dev-own.jsonl[,more.jsonl] --fit-out=src/main/resources/answer/scorer.properties}:
 * asks every training question, labels each candidate sentence by whether quoting it would pass the
 * question's expectations (phrases and source), fits the scorer's weights by logistic regression on those
 * labels, then chooses the abstention threshold on the development questions: the one that answers most of
 * them right while answering at most {@code --fit-max-wrong} (default 0.1) of the unanswerable ones. Writes
 * weights and threshold to one file and exits.
 */
@Component
@ConditionalOnProperty("fit")
class FitCommand implements ApplicationRunner {

    /** One question's candidates: feature vectors and whether each would be a right answer. */
    record Sample(EvalCase question, List<double[]> features, List<Boolean> right) {
    }

    private final AnswerService answers;

    FitCommand(AnswerService answers) {
        this.answers = answers;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<EvalCase> train = new ArrayList<>();
        for (String file : args.getOptionValues("fit").get(0).split(",")) {
            train.addAll(QuestionSet.read(Path.of(file)));
        }
        List<EvalCase> dev = new ArrayList<>();
        for (String file : args.getOptionValues("fit-dev").get(0).split(",")) {
            dev.addAll(QuestionSet.read(Path.of(file)));
        }
        Path out = Path.of(args.containsOption("fit-out") ? args.getOptionValues("fit-out").get(0)
                : "src/main/resources/" + Scorer.RESOURCE);
        double maxWrong = args.containsOption("fit-max-wrong")
                ? Double.parseDouble(args.getOptionValues("fit-max-wrong").get(0)) : 0.1;
        double l2 = args.containsOption("fit-l2") ? Double.parseDouble(args.getOptionValues("fit-l2").get(0)) : 0.001;

        List<Sample> trainSamples = samples(train);
        Scorer fitted = Scorer.fit(trainSamples.stream().map(Sample::features).toList(),
                trainSamples.stream().map(Sample::right).toList(),
                trainSamples.stream().map(s -> !s.question().answerable()).toList(), l2, 2000);
        long candidates = trainSamples.stream().mapToLong(s -> s.features().size()).sum();
        long rightOnes = trainSamples.stream().mapToLong(s -> s.right().stream().filter(v -> v).count()).sum();
        List<Sample> devSamples = samples(dev);
        double threshold = threshold(fitted, devSamples, maxWrong);
        fitted = fitted.withThreshold(threshold);
        List<String> comments = List.of(
                "Written by the fitting command (--fit), " + LocalDate.now() + "; do not edit by hand, re-run it:",
                "java -jar target/fraga-facket.jar --fit=" + args.getOptionValues("fit").get(0) + " --fit-dev="
                        + args.getOptionValues("fit-dev").get(0) + " --fraga.knowledge-dir=…",
                "training: " + trainSamples.size() + " questions, " + candidates + " candidate sentences, "
                        + rightOnes + " right",
                "training: " + figures(fitted, trainSamples),
                "development (threshold chosen here, at most " + maxWrong + " of unanswerable answered): "
                        + figures(fitted, devSamples));
        fitted.write(out, comments);
        if (args.containsOption("fit-report")) {
            StringBuilder report = new StringBuilder();
            for (Sample sample : devSamples) {
                report.append(line(fitted, sample));
            }
            for (Sample sample : trainSamples) {
                report.append(line(fitted, sample));
            }
            java.nio.file.Files.writeString(Path.of(args.getOptionValues("fit-report").get(0)), report.toString());
        }
        comments.forEach(System.out::println);
        System.out.println("Wrote " + out);
    }

    private List<Sample> samples(List<EvalCase> cases) {
        List<Sample> out = new ArrayList<>();
        for (EvalCase question : cases) {
            var trial = answers.trial(question.question(), question.turns().subList(0, question.turns().size() - 1));
            Decision decision = trial.decision();
            List<double[]> features = new ArrayList<>();
            List<Boolean> right = new ArrayList<>();
            if (decision != null) {
                for (Decision.Scored scored : decision.ranked()) {
                    features.add(scored.features());
                    right.add(question.answerable() && right(question, scored));
                }
            }
            out.add(new Sample(question, features, right));
        }
        return out;
    }

    /** Quoting this candidate would pass the question: an expected phrase (all where all are asked) and its source. */
    static boolean right(EvalCase question, Decision.Scored scored) {
        String text = EvalCase.normalise(scored.excerptText());
        boolean any = question.expectAny().isEmpty()
                || question.expectAny().stream().anyMatch(p -> text.contains(EvalCase.normalise(p)));
        boolean all = question.expectAll().stream().allMatch(p -> text.contains(EvalCase.normalise(p)));
        boolean cited = question.sources().isEmpty()
                || question.sources().contains(scored.candidate().passage().documentId());
        return any && all && cited;
    }

    /** The best candidate under a scorer: its probability and whether it is right (NaN when there is none). */
    private static double[] top(Scorer scorer, Sample sample) {
        double best = Double.NaN;
        boolean right = false;
        for (int i = 0; i < sample.features().size(); i++) {
            double p = scorer.probability(sample.features().get(i));
            if (Double.isNaN(best) || p > best) {
                best = p;
                right = sample.right().get(i);
            }
        }
        return new double[] {best, right ? 1 : 0};
    }

    private String line(Scorer scorer, Sample sample) {
        double[] top = top(scorer, sample);
        boolean reachable = sample.right().contains(true);
        var trial = answers.trial(sample.question().question(),
                sample.question().turns().subList(0, sample.question().turns().size() - 1));
        String chosen = trial.decision() == null || trial.decision().ranked().isEmpty() ? ""
                : trial.decision().ranked().get(0).excerptText().replace('\n', ' ') + " "
                + trial.decision().ranked().get(0).named();
        return String.format(Locale.ROOT, "%s %s a=%s reach=%s p=%.2f right=%s | %s | %s%n", sample.question().id(),
                top[1] == 1 ? "OK " : "BAD", sample.question().answerable(), reachable, top[0], top[1] == 1,
                sample.question().question(), chosen);
    }

    static double threshold(Scorer scorer, List<Sample> samples, double maxWrong) {
        long unanswerable = samples.stream().filter(s -> !s.question().answerable()).count();
        double first = 0.5;
        double last = 0.5;
        long bestCorrect = -1;
        for (int step = 1; step < 100; step++) {
            double t = step / 100.0;
            long correct = 0;
            long wrongAnswered = 0;
            for (Sample sample : samples) {
                double[] top = top(scorer, sample);
                boolean answered = !Double.isNaN(top[0]) && top[0] >= t;
                if (sample.question().answerable() && answered && top[1] == 1) {
                    correct++;
                } else if (!sample.question().answerable() && answered) {
                    wrongAnswered++;
                }
            }
            if (wrongAnswered <= maxWrong * unanswerable && correct >= bestCorrect) {
                if (correct > bestCorrect) {
                    first = t;
                }
                last = t;
                bestCorrect = correct;
            }
        }
        return (first + last) / 2; // the middle of the best range, away from both edges
    }

    private static String figures(Scorer scorer, List<Sample> samples) {
        long answerable = 0;
        long correct = 0;
        long chosenRight = 0;
        long unanswerable = 0;
        long declined = 0;
        for (Sample sample : samples) {
            double[] top = top(scorer, sample);
            boolean answered = !Double.isNaN(top[0]) && top[0] >= scorer.threshold();
            if (sample.question().answerable()) {
                answerable++;
                chosenRight += top[1] == 1 ? 1 : 0;
                correct += answered && top[1] == 1 ? 1 : 0;
            } else {
                unanswerable++;
                declined += answered ? 0 : 1;
            }
        }
        return String.format(Locale.ROOT, "best sentence right %d/%d, answered right %d/%d, declined %d/%d unanswerable",
                chosenRight, answerable, correct, answerable, declined, unanswerable);
    }
}
