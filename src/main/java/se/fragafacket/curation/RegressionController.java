package se.fragafacket.curation;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.fragafacket.eval.EvalCase;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff's regression questions: read and replace the list (JSONL), add one question, run the list, and see
 * the latest run. Runs also follow every change to the knowledge base.
 */
@RestController
@RequestMapping({"/api/admin/regression", "/admin/api/regression"})
class RegressionController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegressionQuestions regression;
    private final AuditLog audit;

    RegressionController(RegressionQuestions regression, AuditLog audit) {
        this.regression = regression;
        this.audit = audit;
    }

    /** Whether a run is under way, and the latest run's outcome per question. */
    @GetMapping
    RegressionQuestions.State state() {
        return regression.state();
    }

    @PostMapping("/run")
    ResponseEntity<RegressionQuestions.State> run(Principal user) {
        audit.record(user.getName(), "regression-run", null, null, "ok", "");
        regression.schedule("körning på begäran");
        return ResponseEntity.accepted().body(regression.state());
    }

    @GetMapping(value = "/questions", produces = MediaType.TEXT_PLAIN_VALUE)
    String questions() {
        return regression.text();
    }

    /** Replaces the whole list with a JSONL text (one question a line, the contract's question-set format). */
    @PutMapping("/questions")
    Map<String, Integer> replace(@RequestBody(required = false) String jsonl, Principal user) {
        try {
            int count = regression.save(jsonl == null ? "" : jsonl).size();
            audit.record(user.getName(), "regression-save", null, null, "ok", count + " questions");
            return Map.of("questions", count);
        } catch (IllegalArgumentException e) {
            audit.record(user.getName(), "regression-save", null, null, "refused", e.getMessage());
            throw new CurationException(HttpStatus.BAD_REQUEST, "Listan sparades inte: " + e.getMessage());
        }
    }

    /** Adds one question, e.g. {"question":"…","expect_all":["…"],"source":"…","answerable":true}. */
    @PostMapping(value = "/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvalCase> add(@RequestBody String question, Principal user) {
        try {
            JsonNode node = JSON.readTree(question);
            if (!node.isObject() || node.path("question").asString("").isBlank()) {
                throw new IllegalArgumentException("a question needs the field \"question\"");
            }
            EvalCase added = regression.add(JSON.writeValueAsString(node));
            audit.record(user.getName(), "regression-save", null, null, "ok", "added " + added.id());
            return ResponseEntity.status(HttpStatus.CREATED).body(added);
        } catch (JacksonException | IllegalArgumentException e) {
            String reason = e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
            throw new CurationException(HttpStatus.BAD_REQUEST, "Frågan lades inte till: " + reason);
        }
    }
}
