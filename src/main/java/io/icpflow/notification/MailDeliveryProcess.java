package io.icpflow.notification;

/**
 * The process API of {@code bpmn/mail-delivery.bpmn}: one instance per queued mail (business key =
 * outbox id), an async send with retries, an incident in Cockpit when they run out.
 */
public final class MailDeliveryProcess {

    public static final String KEY = "mailDelivery";

    public static final class Elements {
        public static final String SEND = "Activity_SendMail";
        public static final String END_SENT = "Event_MailSent";

        private Elements() {
        }
    }

    private MailDeliveryProcess() {
    }
}
