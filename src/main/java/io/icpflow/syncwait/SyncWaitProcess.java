package io.icpflow.syncwait;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/sync-wait.bpmn}, the wait for MIIT's approval to reach our filing
 * system (7–24 hours, 002 §14; sometimes 1–2 business days, 001). Called by the filing and the
 * transfer processes with the filing id as business key.
 */
public final class SyncWaitProcess {

    public static final String KEY = "syncWait";

    private SyncWaitProcess() {
    }

    public static final class Messages {
        public static final String FILING_SYNCED = "FilingSynced";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String WAIT = "Gateway_WaitForSync";
        public static final String POLL_INTERVAL = "Event_PollIntervalElapsed";
        public static final String SYNC_OVERDUE = "Event_SyncOverdue";
        public static final String ENABLE_ACCESS = "Activity_EnableAccess";
        public static final String END_SYNCED = "Event_Synced";

        private Elements() {
        }
    }

    public static final class Tasks {
        public static final String SYNC_OVERDUE = "syncOverdue";

        private Tasks() {
        }
    }

    public static final Variable<Boolean> SYNCED = Variable.bool("synced");
}
