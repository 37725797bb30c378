package io.icpflow.access;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.ReasonMessages;
import io.icpflow.notification.MailOutbox;
import io.icpflow.notification.OutgoingMail;
import io.icpflow.registry.FilingRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/** {@code ${accessCheckMails.allowed(execution)}}: tells the filing's contact that the waiting domain may now be connected. */
@Component
public class AccessCheckMails {

    private final AccessCheckRepository checks;
    private final FilingRegistry registry;
    private final FilingRepository filings;
    private final MailOutbox outbox;

    AccessCheckMails(AccessCheckRepository checks, FilingRegistry registry, FilingRepository filings, MailOutbox outbox) {
        this.checks = checks;
        this.registry = registry;
        this.filings = filings;
        this.outbox = outbox;
    }

    public void allowed(DelegateExecution execution) {
        AccessCheckRepository.AccessCheck check = checks.find(execution.getProcessBusinessKey()).orElseThrow();
        String filingId = registry.findDomain(check.domain()).orElseThrow().filingId();
        Filing filing = filings.get(filingId);
        Locale locale = ReasonMessages.locale(filing.locale());
        outbox.enqueue(new OutgoingMail(filingId, filing.contactEmail(), locale, "access-allowed",
                Map.of("checkId", check.id(), "domain", check.domain(), "product", check.product().name(),
                        "contactName", filing.application().subject().contact().name()),
                "mail.subject.accessAllowed", new Object[]{check.domain(), check.product().name(), filingId}));
    }
}
