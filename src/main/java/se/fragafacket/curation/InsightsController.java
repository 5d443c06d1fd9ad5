package se.fragafacket.curation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/insights}: unanswered and unhelpful-marked questions, grouped, newest first;
 * {@code …/insights/summary}: totals and the most frequent unanswered questions; {@code …/insights.csv}: the
 * grouped list for a spreadsheet.
 */
@RestController
class InsightsController {

    /** Unanswered questions shown as the most frequent. */
    private static final int FREQUENT = 10;

    private final Insights insights;
    private final QuestionTotals totals;
    private final Clock clock;

    InsightsController(Insights insights, QuestionTotals totals, Clock clock) {
        this.insights = insights;
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
