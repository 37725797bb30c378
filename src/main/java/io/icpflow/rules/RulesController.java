package io.icpflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.calendar.EngineClock;
import io.icpflow.web.ApiException;
import io.icpflow.web.DayParameter;
import io.icpflow.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the product checks and why, as an applicant or an auditor may read it: no applicant data. */
@RestController
class RulesController {

    record RowView(String id, String province, LocalDate validFrom, LocalDate validTo, JsonNode value, String source,
                   String sourceUrl, String note) {
    }

    record TableView(String table, String title, String titleZh, String about, RuleTable.Kind kind, List<RowView> rows) {
    }

    private final RuleBook rules;

    RulesController(RuleBook rules) {
        this.rules = rules;
    }

    @GetMapping(path = "/api/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The rule tables in force on a day (default today, China time), each row with validFrom, validTo, "
            + "province (null: national) and source")
    List<TableView> inForce(@RequestParam(required = false) String on) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate day = DayParameter.parse(on, "on", EngineClock.todayInChina(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return rules.onDate(day).stream()
                .map(t -> new TableView(t.name(), t.title(), t.titleZh(), t.about(), t.kind(), t.rows().stream()
                        .map(r -> new RowView(r.id(), r.province(), r.validFrom(), r.validTo(), r.value(),
                                r.source().text(), r.source().url(), r.note()))
                        .toList()))
                .toList();
    }
}
