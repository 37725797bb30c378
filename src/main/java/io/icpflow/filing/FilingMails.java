package io.icpflow.filing;

import io.icpflow.notification.MailOutbox;
import io.icpflow.notification.OutgoingMail;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The applicant's emails about a filing: one per status change, and the reminders. */
@Component
public class FilingMails {

    public record ReasonLine(String code, String message) {
    }

    private final MailOutbox outbox;
    private final ReasonMessages texts;

    FilingMails(MailOutbox outbox, ReasonMessages texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    public void statusChanged(Filing filing) {
        Locale locale = ReasonMessages.locale(filing.locale());
        Map<String, Object> model = baseModel(filing, locale);
        List<ReasonLine> reasons = filing.reasons().stream()
                .map(r -> new ReasonLine(r.code().name(), texts.message(r, locale)))
                .toList();
        model.put("reasons", reasons);
        model.put("notices", filing.notices().stream()
                .map(n -> new ReasonLine(n.code().name(), texts.message(n, locale)))
                .toList());
        model.put("icpNumber", filing.icpNumber());
        model.put("nextStep", texts.nextStep(filing.status(), locale));
        outbox.enqueue(new OutgoingMail(filing.id(), filing.contactEmail(), locale, "status", model,
                "mail.subject.status", new Object[]{filing.id(), model.get("statusLabel")}));
    }

    public void reminder(Filing filing, String reminderKey, Object... args) {
        Locale locale = ReasonMessages.locale(filing.locale());
        Map<String, Object> model = baseModel(filing, locale);
        model.put("reminder", texts.text("mail.reminder." + reminderKey, locale, args));
        outbox.enqueue(new OutgoingMail(filing.id(), filing.contactEmail(), locale, "reminder", model,
                "mail.subject.reminder", new Object[]{filing.id()}));
    }

    private Map<String, Object> baseModel(Filing filing, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("filingId", filing.id());
        model.put("status", filing.status().name());
        model.put("statusLabel", texts.statusLabel(filing.status(), locale) + " (" + filing.status().name() + ")");
        model.put("contactName", filing.application().subject().contact().name());
        return model;
    }
}
