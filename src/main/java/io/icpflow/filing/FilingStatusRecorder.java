package io.icpflow.filing;

import io.icpflow.calendar.EngineClock;
import io.icpflow.cloud.ServiceNumbers;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The one place where a filing's status changes ({@code ${filingStatusRecorder.change(execution, 'RETURNED')}}
 * in the BPMN): the status, a timeline entry at China time, exactly one email, the subject freed
 * for a new application once this one is final, and its service numbers used (ACTIVE) or freed.
 */
@Component
public class FilingStatusRecorder {

    private final FilingRepository filings;
    private final FilingMails mails;
    private final SubjectLocks locks;
    private final ServiceNumbers serviceNumbers;
    private final MeterRegistry meters;

    FilingStatusRecorder(FilingRepository filings, FilingMails mails, SubjectLocks locks, ServiceNumbers serviceNumbers, MeterRegistry meters) {
        this.meters = meters;
        this.filings = filings;
        this.mails = mails;
        this.locks = locks;
        this.serviceNumbers = serviceNumbers;
    }

    public void change(DelegateExecution execution, String status) {
        String id = execution.getProcessBusinessKey();
        FilingStatus next = FilingStatus.valueOf(status);
        FilingStatus previous = filings.get(id).status();
        filings.updateStatus(id, next, EngineClock.nowInChina(), !keepsReasons(next));
        Filing filing = filings.get(id);
        // applications entering each stage (a status is a stage), and leaving one for the next, by type
        meters.counter("icp.filing.status.changes", "type", filing.type().name(), "status", next.name()).increment();
        if (previous != next) {
            // a new filing is created SUBMITTED and its process then records SUBMITTED: that leaves no stage
            meters.counter("icp.filing.stage.exits", "type", filing.type().name(), "stage", previous.name(), "to", next.name()).increment();
        }
        if (next == FilingStatus.ACTIVE) {
            serviceNumbers.filed(id);
        } else if (next.isFinal()) {
            // ended without a filing: the numbers it named may serve another application
            serviceNumbers.releaseHeldBy(id);
        }
        if (next.isFinal() && filing.type().holdsTheSubject()) {
            locks.release(id);
        } else if (next.isPastProviderReview() && filing.type().holdsTheSubject()) {
            // the reviewer checked who applies: the electronic check binds a face to the name the applicant typed,
            // not (yet) to the subject's principal, so it alone must not lock the subject's owner out
            locks.verified(id);
        }
        mails.statusChanged(filing);
    }

    /** Waiting for the applicant's corrected application (after a return or a CA rejection). */
    public boolean isAwaitingCorrection(DelegateExecution execution) {
        return filings.get(execution.getProcessBusinessKey()).status().acceptsResubmission();
    }

    private static boolean keepsReasons(FilingStatus status) {
        return status == FilingStatus.RETURNED || status == FilingStatus.CA_REJECTED || status == FilingStatus.NOT_REQUIRED
                || status == FilingStatus.CANCELLED || status == FilingStatus.REMEDIATION_REQUIRED;
    }
}
