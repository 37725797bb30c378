package io.icpflow.regulatorreview;

import io.icpflow.regulator.NoticeRoute;
import io.icpflow.regulator.RegulatorNotice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.icpflow.regulator.RegulatorNotice.Type.FILING_APPROVED;
import static io.icpflow.regulator.RegulatorNotice.Type.FILING_REJECTED;
import static io.icpflow.regulator.RegulatorNotice.Type.SMS_FAILED;
import static io.icpflow.regulator.RegulatorNotice.Type.SMS_VERIFIED;

/** The regulator review's notices: MIIT's SMS check and the CA's decision, for the filing they name. */
@Configuration(proxyBeanMethods = false)
class RegulatorReviewNotices {

    @Bean
    NoticeRoute smsResultNotices() {
        return new NoticeRoute() {
            @Override
            public String message() {
                return RegulatorReviewProcess.Messages.SMS_RESULT;
            }

            @Override
            public Set<RegulatorNotice.Type> types() {
                return Set.of(SMS_VERIFIED, SMS_FAILED);
            }

            @Override
            public Correlation correlationOf(RegulatorNotice notice) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(RegulatorReviewProcess.SMS_OUTCOME.name(), outcome(notice).name());
                return Correlation.to(message(), notice.filingId(), variables);
            }

            /** The outcome the wait received is the notice's. */
            @Override
            public boolean matches(DelegateExecution execution, RegulatorNotice notice, String filingId) {
                return NoticeRoute.super.matches(execution, notice, filingId)
                        && outcome(notice).name().equals(RegulatorReviewProcess.SMS_OUTCOME.get(execution));
            }

            private RegulatorReviewProcess.SmsOutcome outcome(RegulatorNotice notice) {
                return notice.type() == SMS_FAILED ? RegulatorReviewProcess.SmsOutcome.FAILED : RegulatorReviewProcess.SmsOutcome.VERIFIED;
            }
        };
    }

    @Bean
    NoticeRoute caDecisionNotices() {
        return new NoticeRoute() {
            @Override
            public String message() {
                return RegulatorReviewProcess.Messages.CA_DECISION;
            }

            @Override
            public Set<RegulatorNotice.Type> types() {
                return Set.of(FILING_APPROVED, FILING_REJECTED);
            }

            @Override
            public Correlation correlationOf(RegulatorNotice notice) {
                Map<String, Object> variables = new HashMap<>();
                if (notice.type() == FILING_APPROVED) {
                    variables.put(RegulatorReviewProcess.CA_DECISION.name(), RegulatorReviewProcess.CaDecision.APPROVED.name());
                    variables.put(RegulatorReviewProcess.ICP_NUMBER.name(), notice.icpNumber());
                } else {
                    variables.put(RegulatorReviewProcess.CA_DECISION.name(), RegulatorReviewProcess.CaDecision.REJECTED.name());
                    variables.put(RegulatorReviewProcess.CA_REASON.name(), notice.reason());
                }
                return Correlation.to(message(), notice.filingId(), variables);
            }

            /** The decision and the number the wait received are the notice's. */
            @Override
            public boolean matches(DelegateExecution execution, RegulatorNotice notice, String filingId) {
                RegulatorReviewProcess.CaDecision decision = notice.type() == FILING_APPROVED
                        ? RegulatorReviewProcess.CaDecision.APPROVED : RegulatorReviewProcess.CaDecision.REJECTED;
                return NoticeRoute.super.matches(execution, notice, filingId)
                        && decision.name().equals(RegulatorReviewProcess.CA_DECISION.get(execution))
                        && (decision == RegulatorReviewProcess.CaDecision.REJECTED
                        || Objects.equals(notice.icpNumber(), RegulatorReviewProcess.ICP_NUMBER.get(execution)));
            }
        };
    }
}
