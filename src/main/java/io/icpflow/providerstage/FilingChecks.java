package io.icpflow.providerstage;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.providerstage.ProviderStageProcess.PreCheckOutcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The automated pre-checks of one kind of filing (new filing/website, transfer, cancellation), run
 * by the shared provider stage. Each failure is a reason code at its field; notices inform without
 * failing.
 */
public interface FilingChecks {

    /** {@code changes}: for a change, what it changes, old value beside new value (the reviewer's form shows them). */
    record Result(PreCheckOutcome outcome, List<Reason> failures, List<Reason> notices, List<String> findings, List<String> changes) {

        public static Result of(List<Reason> failures, List<Reason> notices, List<String> findings, boolean waitForRealName) {
            PreCheckOutcome outcome = !failures.isEmpty() ? PreCheckOutcome.FAILED
                    : waitForRealName ? PreCheckOutcome.WAIT_FOR_REAL_NAME : PreCheckOutcome.PASSED;
            return new Result(outcome, List.copyOf(failures), List.copyOf(notices), List.copyOf(findings), List.of());
        }

        public Result withChanges(List<String> lines) {
            return new Result(outcome, failures, notices, findings, List.copyOf(lines));
        }
    }

    boolean appliesTo(FilingType type);

    /** A check every type it applies to shares (service numbers, materials): it runs after the type's own. */
    default boolean isShared() {
        return false;
    }

    /** Both results in one: the failures, notices, findings and changes of each; the first outcome that is not a pass. */
    static Result merge(Result a, Result b) {
        List<Reason> failures = new ArrayList<>(a.failures());
        failures.addAll(b.failures());
        List<Reason> notices = new ArrayList<>(a.notices());
        notices.addAll(b.notices());
        List<String> findings = new ArrayList<>(a.findings());
        findings.addAll(b.findings());
        List<String> changes = new ArrayList<>(a.changes());
        changes.addAll(b.changes());
        boolean waits = a.outcome() == PreCheckOutcome.WAIT_FOR_REAL_NAME || b.outcome() == PreCheckOutcome.WAIT_FOR_REAL_NAME;
        return Result.of(failures, notices, findings, waits).withChanges(changes);
    }

    Result run(Filing filing, LocalDate today);
}
