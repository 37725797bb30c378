package io.icpflow.regulator;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a feature takes the regulator's notices: the feature declares its route (as it declares its
 * {@code TaskReaders}), the inbox keeps only the log, idempotency and correlation, and the regulator
 * package knows no feature. One route per message a wait of the feature receives.
 */
public interface NoticeRoute {

    /** The message its wait receives (or that starts its process). */
    String message();

    /** The notice types that end up as that message. */
    Set<RegulatorNotice.Type> types();

    /** Where this notice goes, or null when nothing of this feature can take it (kept as UNMATCHED). */
    Correlation correlationOf(RegulatorNotice notice);

    /**
     * Whether the message the wait received carries what this stored notice said ({@link NoticeGate});
     * {@code filingId} is the filing the inbox matched it to. By default: the wait is that filing's.
     */
    default boolean matches(DelegateExecution execution, RegulatorNotice notice, String filingId) {
        return Objects.equals(filingId, execution.getBusinessKey());
    }

    /** A notice ends one wait, except where one notice starts a process for each of several filings. */
    default boolean singleUse() {
        return true;
    }

    /**
     * Where a notice goes: a message to the process of {@code filingId} waiting for it, or a message
     * that starts a process for each filing of {@code starts}.
     */
    record Correlation(String message, String filingId, Map<String, Object> variables, List<String> starts) {

        public static Correlation to(String message, String filingId, Map<String, Object> variables) {
            return new Correlation(message, filingId, variables, List.of());
        }

        public static Correlation starting(String message, List<String> filingIds, Map<String, Object> variables) {
            return new Correlation(message, filingIds.isEmpty() ? null : filingIds.get(0), variables, filingIds);
        }
    }
}
