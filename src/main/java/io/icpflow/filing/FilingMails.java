package io.icpflow.filing;

import io.icpflow.notification.MailOutbox;
import io.icpflow.notification.OutgoingMail;
import io.icpflow.verification.VerificationSessions;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The applicant's emails about a filing: one per status change, and the reminders. */
@Component
public class FilingMails {

    public record ReasonLine(String code, String message) {
    }

    /** A website's or app's name with the number MIIT gave it (or the number a change or cancellation is about). */
    public record NumberLine(String name, String number) {
    }

    /** A principal's verification link, with when it stops working (China time). */
    public record VerificationLine(String who, String url, String until) {
    }

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailOutbox outbox;
    private final ReasonMessages texts;
    private final FilingViews views;
    private final VerificationSessions verification;

    FilingMails(MailOutbox outbox, ReasonMessages texts, FilingViews views, VerificationSessions verification) {
        this.verification = verification;
        this.outbox = outbox;
        this.texts = texts;
        this.views = views;
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
        model.put("numbers", numbers(filing));
        model.put("verification", filing.status() != FilingStatus.IDENTITY_VERIFICATION ? List.of()
                : verification.round(filing.id()).latest().stream()
                        .map(v -> new VerificationLine(texts.text("verification.who." + v.who(), locale), v.url(), UNTIL.format(v.expiresAt())))
                        .toList());
        model.put("nextStep", texts.nextStep(filing, locale));
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

    private List<NumberLine> numbers(Filing filing) {
        if (filing.icpNumber() == null) {
            return List.of();
        }
        // the numbers only, not the whole view (its timeline and reasons): this runs for every status mail
        FilingViews.Numbers numbers = views.numbers(filing);
        List<NumberLine> lines = new ArrayList<>();
        List<FilingApplication.Website> websites = filing.application().websites();
        for (int i = 0; i < websites.size(); i++) {
            if (numbers.websites().get(i) != null) {
                lines.add(new NumberLine(websites.get(i).name(), numbers.websites().get(i)));
            }
        }
        List<FilingApplication.App> apps = filing.application().apps();
        for (int i = 0; i < apps.size(); i++) {
            if (numbers.apps().get(i) != null) {
                lines.add(new NumberLine(apps.get(i).name() + " (App)", numbers.apps().get(i)));
            }
        }
        return lines;
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
