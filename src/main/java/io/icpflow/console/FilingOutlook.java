package io.icpflow.console;

import io.icpflow.analytics.AnalyticsService;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingView;
import io.icpflow.filing.Sla;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.regulatorreview.RegulatorReviewProcess;
import io.icpflow.syncwait.SyncWaitProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happens next to a filing, and by when: the due date of the timer its current wait runs
 * (the process's own, so it is what will happen), the limit that timer keeps, and how long the
 * communications administration of its province has recently taken (the analytics' median).
 */
@Component
class FilingOutlook {

    private static final Logger log = LoggerFactory.getLogger(FilingOutlook.class);

    /**
     * @param nextStep                     what happens next, in the language asked for
     * @param dueAt                        when the current wait's timer fires (an escalation to us, or the
     *                                     application returned or closed), null if the wait has none
     * @param limit                        that timer's limit, both languages
     * @param typicalCaReviewBusinessDays  the median CA review of the province over the last 90 days, null without data
     */
    record Outlook(String id, FilingStatus status, String nextStep, OffsetDateTime dueAt, String limit, String province,
                   Double typicalCaReviewBusinessDays) {
    }

    /** The timer each waiting status runs, and the limit it keeps. */
    private record Wait(String processKey, String timer, Sla sla) {
    }

    private static final Map<FilingStatus, Wait> WAITS = Map.of(
            FilingStatus.IDENTITY_VERIFICATION, new Wait(ProviderStageProcess.KEY, ProviderStageProcess.Elements.VERIFICATION_INACTIVE_DAY_45, Sla.INACTIVE_CLOSE),
            FilingStatus.PROVIDER_REVIEW, new Wait(ProviderStageProcess.KEY, ProviderStageProcess.Elements.REVIEW_OVERDUE, Sla.PROVIDER_REVIEW),
            FilingStatus.RETURNED, new Wait(ProviderStageProcess.KEY, ProviderStageProcess.Elements.INACTIVE_DAY_45, Sla.INACTIVE_CLOSE),
            FilingStatus.CA_REJECTED, new Wait(ProviderStageProcess.KEY, ProviderStageProcess.Elements.INACTIVE_DAY_45, Sla.INACTIVE_CLOSE),
            FilingStatus.SMS_VERIFICATION, new Wait(RegulatorReviewProcess.KEY, RegulatorReviewProcess.Elements.SMS_EXPIRED, Sla.SMS_VERIFICATION),
            FilingStatus.CA_REVIEW, new Wait(RegulatorReviewProcess.KEY, RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE, Sla.CA_REVIEW),
            FilingStatus.APPROVED, new Wait(SyncWaitProcess.KEY, SyncWaitProcess.Elements.SYNC_OVERDUE, Sla.SYNC));

    private static final int RECENT_DAYS = 90;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final AnalyticsService analytics;
    /** Province → the median CA review of the last 90 days; read in the background, never in an applicant's request. */
    private final AtomicReference<Map<String, Double>> typicalCa = new AtomicReference<>(Map.of());

    FilingOutlook(RuntimeService runtime, ManagementService management, AnalyticsService analytics) {
        this.runtime = runtime;
        this.management = management;
        this.analytics = analytics;
    }

    /** The provinces' medians move slowly: read from the analytics every ten minutes, not in an applicant's request; kept when a read fails. */
    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${icp.console.typical-ca-refresh:PT10M}")
    void refreshTypicalCaReview() {
        try {
            LocalDate today = EngineClock.todayInChina();
            Map<String, Double> medians = new HashMap<>();
            analytics.summary(today.minusDays(RECENT_DAYS), today).stages().stream().filter(s -> s.stage().equals("CA_REVIEW"))
                    .flatMap(s -> s.byProvince().stream())
                    .filter(p -> p.medianBusinessDays() != null)
                    .forEach(p -> medians.put(p.province(), p.medianBusinessDays()));
            typicalCa.set(Map.copyOf(medians));
        } catch (RuntimeException e) {
            log.warn("The provinces' recent CA review times could not be read; the outlook keeps the last ones: {}", e.toString());
        }
    }

    Outlook of(FilingView filing, String province, String nextStep) {
        Wait wait = WAITS.get(filing.status());
        OffsetDateTime due = wait == null ? null : dueOf(filing.id(), wait).orElse(null);
        return new Outlook(filing.id(), filing.status(), nextStep, due,
                wait == null ? null : wait.sla().text(), province, typicalCaReview(province));
    }

    private Optional<OffsetDateTime> dueOf(String filingId, Wait wait) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(filingId).processDefinitionKey(wait.processKey()).active()
                .list().stream()
                .map(ProcessInstance::getId)
                // one query per instance: 7.24's JobQuery mis-joins activityId with processInstanceIds
                .map(instance -> management.createJobQuery().processInstanceId(instance).timers().activityId(wait.timer()).singleResult())
                .filter(Objects::nonNull)
                .map(Job::getDuedate)
                .findFirst()
                .map(date -> OffsetDateTime.ofInstant(date.toInstant(), EngineClock.CHINA));
    }

    private Double typicalCaReview(String province) {
        return typicalCa.get().get(province);
    }
}
