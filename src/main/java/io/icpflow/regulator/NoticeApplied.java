package io.icpflow.regulator;

/** Something a feature does once a notice of another feature was applied (a sync wakes the access checks). */
public interface NoticeApplied {

    RegulatorNotice.Type type();

    void applied(RegulatorNotice notice, String filingId);
}
