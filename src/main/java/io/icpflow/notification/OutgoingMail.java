package io.icpflow.notification;

import java.util.Locale;
import java.util.Map;

/**
 * A mail to render from {@code mail/<template>.html|.txt}; the subject is the message
 * {@code subjectKey} with {@code subjectArgs}, in {@code locale}.
 */
public record OutgoingMail(String filingId, String recipient, Locale locale, String template,
                           Map<String, Object> model, String subjectKey, Object[] subjectArgs) {
}
