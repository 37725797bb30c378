package io.icpflow.newfiling;

import io.icpflow.filing.ReasonCode;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** The policy table {@code bpmn/filing-need.dmn}, asked by the need check; a rule change is a table change. */
@Component
public class NewFilingPolicy {

    public record Need(boolean required, ReasonCode reason) {
    }

    private final DecisionService decisions;

    NewFilingPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Need need(String serverArea, boolean subdomainOfFiledDomain) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("serverArea", serverArea);
        inputs.put("subdomainOfFiledDomain", subdomainOfFiledDomain);
        DmnDecisionResult result = decisions.evaluateDecisionByKey("filingNeed").variables(inputs).evaluate();
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        Object reason = row.get("reasonCode");
        return new Need(Boolean.TRUE.equals(row.get("filingRequired")), reason == null ? null : ReasonCode.valueOf((String) reason));
    }
}
