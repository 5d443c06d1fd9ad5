package se.fragafacket.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.answer.Reply;
import se.fragafacket.chat.ChatResponse;

/** Runs a question set against the answering service and judges each answer. */
@Component
public class Evaluation {

    /** One question's outcome; {@code micros} is the judged turn's answering time. */
    public record Result(EvalCase question, ChatResponse response, boolean passed, long micros) {
    }

    /** The set's outcome. */
    public record Report(List<Result> results) {
        public long correct() {
            return results.stream().filter(r -> r.question().answerable() && r.passed()).count();
        }

        public long answerable() {
            return results.stream().filter(r -> r.question().answerable()).count();
        }

        public long abstained() {
            return results.stream().filter(r -> !r.question().answerable() && r.passed()).count();
        }

        public long unanswerable() {
            return results.size() - answerable();
        }

        /** Answering time at a percentile (0–100), in milliseconds. */
        public double latencyMillis(double percentile) {
            long[] micros = results.stream().mapToLong(Result::micros).sorted().toArray();
            if (micros.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, index))] / 1000.0;
        }

        /** Each style's own report, by style in first-seen order; empty when no case names a style. */
        public java.util.Map<String, Report> byStyle() {
            java.util.Map<String, List<Result>> groups = new java.util.LinkedHashMap<>();
            for (Result result : results) {
                if (!result.question().style().isEmpty()) {
                    groups.computeIfAbsent(result.question().style(), s -> new ArrayList<>()).add(result);
                }
            }
            java.util.Map<String, Report> out = new java.util.LinkedHashMap<>();
            groups.forEach((style, list) -> out.put(style, new Report(list)));
            return out;
        }

        public String summary() {
            return String.format("correct %d/%d answerable, abstained %d/%d unanswerable, p50 %.1f ms, p95 %.1f ms",
                    correct(), answerable(), abstained(), unanswerable(), latencyMillis(50), latencyMillis(95));
        }
    }

    private final AnswerService answers;

    Evaluation(AnswerService answers) {
        this.answers = answers;
    }

    public Report run(List<EvalCase> questions) {
        List<Result> results = new ArrayList<>();
        for (EvalCase question : questions) {
            String conversation = null;
            Reply reply = null;
            long micros = 0;
            for (String turn : question.turns()) {
                long start = System.nanoTime();
                reply = answers.ask(turn, conversation, "eval", token -> {
                });
                micros = (System.nanoTime() - start) / 1000;
                conversation = reply.conversationId();
            }
            answers.forget("eval", conversation);
            ChatResponse response = ChatResponse.of(reply);
            results.add(new Result(question, response, question.passes(response), micros));
        }
        return new Report(results);
    }

    /** A line per question, then the summary. */
    public static String format(Report report) {
        StringBuilder out = new StringBuilder();
        for (Result result : report.results()) {
            ChatResponse response = result.response();
            out.append(result.passed() ? "PASS " : "FAIL ").append(result.question().id())
                    .append(result.question().answerable() ? "" : " (unanswerable)")
                    .append(": ").append(result.question().question()).append('\n')
                    .append("     ").append(response.answered() ? "" : "[not answered] ")
                    .append(response.answer().replace('\n', ' ')).append('\n');
            if (!response.sources().isEmpty()) {
                out.append("     sources: ").append(Arrays.toString(
                        response.sources().stream().map(s -> s.documentId()).toArray())).append('\n');
            }
        }
        report.byStyle().forEach((style, part) -> out.append(String.format("style %-16s correct %d/%d, declined %d/%d%n",
                style, part.correct(), part.answerable(), part.abstained(), part.unanswerable())));
        return out.append(report.summary()).append('\n').toString();
    }
}
