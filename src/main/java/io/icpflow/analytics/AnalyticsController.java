package io.icpflow.analytics;

import io.icpflow.calendar.EngineClock;
import io.icpflow.web.ApiException;
import io.icpflow.web.DayParameter;
import io.icpflow.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Analytics", description = "Process analysts' figures (roles icp-analysts, camunda-admin)")
class AnalyticsController {

    private static final int MAX_DAYS = 366;

    private final AnalyticsService analytics;

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping(path = "/api/analytics/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Filings created from..to (China dates; default the last 30 days): byStatus, funnel, stages in "
            + "business days, rejectionReasons, openEscalations")
    AnalyticsService.Summary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate today = EngineClock.todayInChina();
        LocalDate end = DayParameter.parse(to, "to", today, errors);
        LocalDate start = DayParameter.parse(from, "from", end.minusDays(29), errors);
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.add(new FieldProblem("from", "AFTER_TO", "from must not be after to"));
        } else if (errors.isEmpty() && start.plusDays(MAX_DAYS).isBefore(end)) {
            errors.add(new FieldProblem("from", "RANGE_TOO_LONG", "at most " + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return analytics.summary(start, end);
    }
}
