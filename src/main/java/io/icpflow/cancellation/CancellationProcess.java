package io.icpflow.cancellation;

/**
 * The process API of {@code bpmn/cancellation.bpmn}: cancel a subject, a website or our access, on
 * the applicant's request. Business key = filing id; it calls the shared provider stage and
 * regulator review (no SMS verification for cancel-access).
 */
public final class CancellationProcess {

    public static final String KEY = "cancellation";

    private CancellationProcess() {
    }

    public static final class Elements {
        public static final String END_CANCELLED = "Event_Cancelled";
        /** Withdrawn or closed: the provider stage has recorded which. */
        public static final String END_WITH_PROVIDER = "Event_EndedWithProvider";

        private Elements() {
        }
    }
}
