package se.fragafacket.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.fragafacket.eval.EvalCase;
import se.fragafacket.eval.QuestionSet;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;

/**
 * Not a test: measures, over the project's question sets, how many questions the model would be asked
 * (retrieval's gate) and how many truthful answers the
 * grounding check would wrongly hold back (the extractive answer, where it quotes a passage the model is
 * sent). Run with {@code -Dtest=ModelGateMeasurement -Dgroups=benchmark -DexcludedGroups=none}; the figures
 * go to {@code target/model-gate.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "fraga.data-dir=target/test-data/model-gate", "fraga.llm.provider=extractive"})
class ModelGateMeasurement {

    @Autowired
    KnowledgeIndex index;

    @Autowired
    Analysis analysis;

    @Autowired
    Prompts prompts;

    @Autowired
    AnswerProperties properties;

    @Test
    void measure() throws IOException {
        var extractive = new ExtractiveAnswerer(analysis, prompts, properties, index::metadata);
        List<String> report = new ArrayList<>();
        for (String set : List.of("src/test/resources/eval/dev.jsonl", "src/test/resources/eval/member-style.jsonl",
                "src/test/resources/eval/extra.jsonl")) {
            if (!Files.exists(Path.of(set))) {
                continue;
            }
            int answerable = 0;
            int unanswerable = 0;
            int askedAfter = 0;
            int refusedAfter = 0;
            int truthful = 0;
            int heldBack = 0;
            List<String> held = new ArrayList<>();
            for (EvalCase question : QuestionSet.read(Path.of(set))) {
                if (question.turns().size() > 1) {
                    continue;
                }
                Language language = Language.detect(question.question());
                Retrieval retrieval = index.search(question.question(), language, "", Set.of(), properties.passages());
                List<Passage> sent = retrieval.passages().stream().limit(properties.modelPassages()).toList();
                boolean after = !sent.isEmpty() && PassageRelevance.of(analysis, retrieval, sent) >= properties.minModelCoverage();
                if (question.answerable()) {
                    answerable++;
                    askedAfter += after ? 1 : 0;
                } else {
                    unanswerable++;
                    refusedAfter += after ? 0 : 1;
                }
                Answer answer = extractive.answer(question.question(), language, retrieval, List.of(), t -> {
                });
                if (answer.answered() && sent.stream().anyMatch(p -> answer.sources().stream()
                        .anyMatch(s -> s.documentId().equals(p.documentId()) && s.snippet().contains(
                                p.text().substring(0, Math.min(40, p.text().length())))))) {
                    truthful++;
                    List<String> unsupported = new Grounding(analysis, sent, List.of(question.question(), prompts.system()))
                            .unsupported(answer.text());
                    if (!unsupported.isEmpty()) {
                        heldBack++;
                        held.add(question.id() + " " + unsupported);
                    }
                }
            }
            report.add(String.format("%s: answerable asked by the model %d/%d; unanswerable referred at once"
                            + " %d/%d; truthful extractive answers held back by the grounding check %d/%d %s",
                    Path.of(set).getFileName(), askedAfter, answerable, refusedAfter, unanswerable, heldBack, truthful, held));
        }
        report.forEach(System.out::println);
        Files.writeString(Path.of("target/model-gate.txt"), String.join("\n", report) + "\n");
    }
}
