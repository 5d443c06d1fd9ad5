package se.fragafacket.curation;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/insights}: unanswered and unhelpful-marked questions, grouped, newest first;
 * {@code DELETE /api/admin/insights?question=…}: deletes every entry of that question.
 * {@code …/insights/summary}: totals and the most frequent unanswered questions; {@code …/insights.csv}: the
 * grouped list for a spreadsheet.
 */
@RestController
class InsightsController {

    /** Unanswered questions shown as the most frequent. */
    private static final int FREQUENT = 10;

    private final Insights insights;
    private final AuditLog audit;
    private final QuestionTotals totals;
    private final Clock clock;

    InsightsController(Insights insights, AuditLog audit, QuestionTotals totals, Clock clock) {
        this.insights = insights;
        this.audit = audit;
        this.totals = totals;
        this.clock = clock;
    }

    /** Totals of all questions asked, and the unanswered ones asked most often. */
    record Summary(QuestionTotals.Totals totals, List<Insights.Group> frequentUnanswered) {
    }

    @GetMapping({"/api/admin/insights", "/admin/api/insights"})
    List<Insights.Group> insights() {
        return insights.groups();
    }

    /** Deletes a question's entries as listed (its masked words); the audit log says how many, not which. */
    @DeleteMapping({"/api/admin/insights", "/admin/api/insights"})
    ResponseEntity<Void> delete(@RequestParam String question, Principal user) {
        int removed = insights.delete(question);
        if (removed == 0) {
            throw new CurationException(HttpStatus.NOT_FOUND, "Frågan finns inte bland insikterna. (No such question in the insights.)");
        }
        audit.record(user.getName(), "insights-delete", null, null, "ok", removed + " entries deleted");
        return ResponseEntity.noContent().build();
    }

    @GetMapping({"/api/admin/insights/summary", "/admin/api/insights/summary"})
    Summary summary() {
        return new Summary(totals.totals(), insights.frequentUnanswered(FREQUENT));
    }

    @GetMapping({"/api/admin/insights.csv", "/admin/api/insights.csv"})
    ResponseEntity<String> csv() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("fraga-facket-insikter-" + LocalDate.now(clock) + ".csv").build().toString())
                .body(insights.csv());
    }
}
