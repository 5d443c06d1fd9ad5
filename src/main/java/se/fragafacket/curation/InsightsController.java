package se.fragafacket.curation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/insights}: unanswered and unhelpful-marked questions, grouped, newest first. */
@RestController
class InsightsController {

    private final Insights insights;

    InsightsController(Insights insights) {
        this.insights = insights;
    }

    @GetMapping({"/api/admin/insights", "/admin/api/insights"})
    List<Insights.Group> insights() {
        return insights.groups();
    }
}
