package io.icpflow.filing;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The applicant-facing texts of reason codes and statuses, in the filing's locale. */
@Component
public class ReasonMessages {

    private final MessageSource messages;

    public ReasonMessages(MessageSource messages) {
        this.messages = messages;
    }

    public static Locale locale(String tag) {
        return "en".equals(tag) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    public String message(Reason reason, Locale locale) {
        String detail = reason.detail() == null ? "" : reason.detail();
        return messages.getMessage("reason." + reason.code().name(), new Object[]{detail}, locale);
    }

    public String statusLabel(FilingStatus status, Locale locale) {
        return messages.getMessage("status." + status.name(), null, locale);
    }

    public String nextStep(FilingStatus status, Locale locale) {
        return messages.getMessage("status.next." + status.name(), null, locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
