package io.icpflow.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reminder emails that are not status changes ({@code ${filingReminders.send(execution, 'INACTIVE_DAY_30')}}):
 * inactivity at day 30 and 40 (45 closes), and the Public Security filing due within 30 days (002 §5).
 */
@Component
public class FilingReminders {

    private final FilingRepository filings;
    private final FilingMails mails;

    FilingReminders(FilingRepository filings, FilingMails mails) {
        this.filings = filings;
        this.mails = mails;
    }

    public void send(DelegateExecution execution, String reminder) {
        mails.reminder(filings.get(execution.getProcessBusinessKey()), reminder);
    }

    /** A reminder about one thing, e.g. {@code ${filingReminders.sendAbout(execution, 'EXPIRED_DOMAIN', expiredDomain)}}. */
    public void sendAbout(DelegateExecution execution, String reminder, String subject) {
        mails.reminder(filings.get(execution.getProcessBusinessKey()), reminder, subject);
    }
}
