package io.icpflow.regulator;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/notice-conflict.bpmn}: a regulator notice the registry refused,
 * kept and handed to operations (business key = the filing id, else the notificationId).
 */
public final class NoticeConflictProcess {

    public static final String KEY = "noticeConflict";

    private NoticeConflictProcess() {
    }

    public static final class Tasks {
        public static final String FOLLOW_UP = "noticeConflictFollowUp";

        private Tasks() {
        }
    }

    /** Shown on the escalation form: the filing, or the notice itself when it names none. */
    public static final Variable<String> FILING_ID = Variable.string("filingId");
    public static final Variable<String> NOTICE_TYPE = Variable.enumName("noticeType", RegulatorNotice.Type.class);
    public static final Variable<String> NOTIFICATION_ID = Variable.string("notificationId");
    /** What the registry refused (at most a few hundred characters). */
    public static final Variable<String> CONFLICT = Variable.string("noticeConflict");
}
