package io.icpflow.change;

/**
 * The process API of {@code bpmn/change.bpmn}: a change of a filed subject, website or app (变更备案;
 * PRODUCT.md item 6). Business key = filing id; it calls the shared provider stage, regulator review
 * and sync wait, and changes the registry only once MIIT's approval has synced, keeping every number.
 */
public final class ChangeProcess {

    public static final String KEY = "change";

    private ChangeProcess() {
    }

    public static final class Elements {
        public static final String APPLY_CHANGE = "Activity_ApplyChange";
        public static final String END_ACTIVE = "Event_ChangeActive";
        /** Withdrawn or closed: the provider stage has recorded which. */
        public static final String END_WITH_PROVIDER = "Event_EndedWithProvider";

        private Elements() {
        }
    }
}
