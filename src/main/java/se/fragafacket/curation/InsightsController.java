package se.fragafacket.curation;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/insights}: unanswered and unhelpful-marked questions, grouped, newest first;
 * {@code DELETE /api/admin/insights?question=…}: deletes every entry of that question.
 */
@RestController
class InsightsController {

    private final Insights insights;
    private final AuditLog audit;

    InsightsController(Insights insights, AuditLog audit) {
        this.insights = insights;
        this.audit = audit;
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
}
