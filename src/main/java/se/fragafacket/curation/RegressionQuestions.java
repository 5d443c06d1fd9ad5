package se.fragafacket.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.fragafacket.answer.Source;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.eval.EvalCase;
import se.fragafacket.eval.Evaluation;
import se.fragafacket.eval.QuestionSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff's own list of questions with the phrases their answers must hold (the contract's JSONL format), kept
 * in {@code fraga.data-dir}/regression-questions.jsonl. It runs on demand and after every change to the
 * knowledge base, in the background, one run at a time (changes made during a run get one more run), and
 * says which questions pass and which newly fail, so an edit that breaks an answer is seen at once.
 */
@Component
public class RegressionQuestions {

    private static final Logger log = LoggerFactory.getLogger(RegressionQuestions.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One question's outcome.
     *
     * @param sources      documentIds of which the answer must cite one (empty: any)
     * @param passedBefore whether it passed in the run before; null when it was not in that run
     * @param newlyFailing failed now but passed before
     * @param cited        documentIds the answer cited
     */
    public record Outcome(String id, String question, boolean answerable, List<String> expectAll,
                          List<String> expectAny, List<String> sources, boolean passed,
                          Boolean passedBefore, boolean newlyFailing, boolean answered, String answer,
                          List<String> cited) {
    }

    /**
     * One run over the list.
     *
     * @param trigger what started it, in Swedish for the staff page ("körning på begäran", "plan.pdf ersatt", …)
     * @param error   why it could not run, else null
     */
    public record Run(String trigger, Instant startedAt, Instant finishedAt, int total, int passed, int newlyFailing,
                      List<Outcome> outcomes, String error) {
    }

    /**
     * @param running   a run is under way or about to start
     * @param questions how many questions the list holds
     * @param last      the latest finished run, or null
     */
    public record State(boolean running, int questions, Run last) {
    }

    private final Path questionsFile;
    private final Path reportFile;
    private final Evaluation evaluation;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "regression-questions");
        thread.setDaemon(true);
        return thread;
    });
    private String pendingTrigger;
    private boolean working;
    private Run last;
    /** In the shared mode the list and report are in the store, not in files. */
    private final JdbcRegressionStore store;

    RegressionQuestions(FragaProperties fraga, Evaluation evaluation, Clock clock, ObjectProvider<JdbcRegressionStore> stores) {
        this.store = stores.getIfAvailable();
        Path data = fraga.dataDir().toAbsolutePath().normalize();
        this.questionsFile = data.resolve("regression-questions.jsonl");
        this.reportFile = data.resolve("regression-report.json");
        this.evaluation = evaluation;
        this.clock = clock;
        this.last = readReport();
    }

    /** The list as staff wrote it. */
    public synchronized String text() {
        if (store != null) {
            return store.questions();
        }
        try {
            return Files.exists(questionsFile) ? Files.readString(questionsFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + questionsFile, e);
        }
    }

    public List<EvalCase> questions() {
        return QuestionSet.parse(text());
    }

    /**
     * Replaces the list after checking every line, then runs it.
     *
     * @throws IllegalArgumentException naming the first bad line; the list is unchanged then
     */
    public synchronized List<EvalCase> save(String jsonl) {
        List<EvalCase> questions = QuestionSet.parse(jsonl);
        Set<String> ids = new HashSet<>();
        for (EvalCase question : questions) {
            if (!ids.add(question.id())) {
                throw new IllegalArgumentException("The id \"" + question.id() + "\" is used twice; every question needs its own id");
            }
        }
        write(jsonl.isEmpty() || jsonl.endsWith("\n") ? jsonl : jsonl + "\n");
        schedule("frågorna ändrades");
        return questions;
    }

    /** Adds one question (a JSON object in the contract's format) to the end of the list, then runs it. */
    public synchronized EvalCase add(String jsonLine) {
        String current = text();
        String updated = (current.isEmpty() || current.endsWith("\n") ? current : current + "\n") + jsonLine.strip() + "\n";
        List<EvalCase> questions = save(updated);
        return questions.get(questions.size() - 1);
    }

    /** Starts a run in the background, unless one is already waiting to start. */
    public synchronized void schedule(String trigger) {
        pendingTrigger = pendingTrigger == null ? trigger : pendingTrigger + "; " + trigger;
        if (!working) {
            working = true;
            worker.execute(this::work);
        }
    }

    public synchronized State state() {
        if (store != null && !working) {
            last = readReport(); // another instance may have run it since
        }
        int count;
        try {
            count = questions().size();
        } catch (IllegalArgumentException e) {
            count = 0;
        }
        return new State(working, count, last);
    }

    @EventListener
    void changed(KnowledgeChanged change) {
        schedule(change.fileName() + " " + switch (change.action()) {
            case "upload" -> "uppladdad";
            case "replace" -> "ersatt";
            case "delete" -> "borttagen";
            case "restore" -> "återställd";
            default -> change.action();
        });
    }

    private void work() {
        while (true) {
            String trigger;
            synchronized (this) {
                trigger = pendingTrigger;
                pendingTrigger = null;
                if (trigger == null) {
                    working = false;
                    return;
                }
            }
            Run run = run(trigger);
            synchronized (this) {
                last = run;
                writeReport(run);
            }
        }
    }

    private Run run(String trigger) {
        Instant started = clock.instant();
        Map<String, Boolean> before = new HashMap<>();
        Run previous;
        synchronized (this) {
            previous = last;
        }
        if (previous != null) {
            previous.outcomes().forEach(o -> before.put(o.id(), o.passed()));
        }
        try {
            List<EvalCase> questions = questions();
            List<Outcome> outcomes = new ArrayList<>();
            for (Evaluation.Result result : evaluation.run(questions).results()) {
                EvalCase question = result.question();
                Boolean passedBefore = before.get(question.id());
                outcomes.add(new Outcome(question.id(), question.question(), question.answerable(),
                        question.expectAll(), question.expectAny(), question.sources(), result.passed(),
                        passedBefore, Boolean.TRUE.equals(passedBefore) && !result.passed(), result.response().answered(),
                        result.response().answer(), result.response().sources().stream().map(Source::documentId).toList()));
            }
            int passed = (int) outcomes.stream().filter(Outcome::passed).count();
            int newlyFailing = (int) outcomes.stream().filter(Outcome::newlyFailing).count();
            log.info("Regression questions after {}: {}/{} pass, {} newly failing", trigger, passed, outcomes.size(), newlyFailing);
            return new Run(trigger, started, clock.instant(), outcomes.size(), passed, newlyFailing, outcomes, null);
        } catch (RuntimeException e) {
            log.warn("Regression questions could not run after {}", trigger, e);
            return new Run(trigger, started, clock.instant(), 0, 0, 0, List.of(), String.valueOf(e.getMessage()));
        }
    }

    private void write(String jsonl) {
        if (store != null) {
            store.questions(jsonl);
            return;
        }
        try {
            Files.createDirectories(questionsFile.getParent());
            Path temporary = Files.createTempFile(questionsFile.getParent(), ".regression-", ".part");
            try {
                Files.writeString(temporary, jsonl, StandardCharsets.UTF_8);
                Files.move(temporary, questionsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + questionsFile, e);
        }
    }

    private void writeReport(Run run) {
        if (store != null) {
            store.report(JSON.writeValueAsString(run));
            return;
        }
        try {
            Files.createDirectories(reportFile.getParent());
            Files.writeString(reportFile, JSON.writeValueAsString(run), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Cannot keep the regression report in {}", reportFile, e);
        }
    }

    private Run readReport() {
        if (store != null) {
            String report = store.report();
            return report == null ? null : JSON.readValue(report, Run.class);
        }
        try {
            return Files.exists(reportFile) ? JSON.readValue(Files.readString(reportFile), Run.class) : null;
        } catch (IOException | JacksonException e) {
            log.warn("Ignoring an unreadable regression report {}", reportFile);
            return null;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
