package io.icpflow.transfer;

/**
 * The process API of {@code bpmn/transfer.bpmn}: a filing moves to us from another access provider
 * (001, 002 §3, 003), keeping its ICP numbers. Business key = filing id; it calls the shared
 * provider stage, regulator review and sync wait.
 */
public final class TransferProcess {

    public static final String KEY = "transfer";

    private TransferProcess() {
    }

    public static final class Elements {
        public static final String RECORD_TRANSFER = "Activity_RecordTransfer";
        public static final String END_ACTIVE = "Event_TransferActive";
        /** Withdrawn or closed: the provider stage has recorded which. */
        public static final String END_WITH_PROVIDER = "Event_EndedWithProvider";

        private Elements() {
        }
    }
}
