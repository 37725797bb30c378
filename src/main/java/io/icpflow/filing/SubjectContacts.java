package io.icpflow.filing;

import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A filed subject's contact as it stands now: the registry's (recorded on approval, changed by an
 * approved subject change), or, for a subject recorded before the registry held contacts, the one of
 * the latest filing that recorded its websites or apps.
 */
@Component
public class SubjectContacts {

    private final FilingRegistry registry;
    private final FilingRepository filings;

    SubjectContacts(FilingRegistry registry, FilingRepository filings) {
        this.registry = registry;
        this.filings = filings;
    }

    public Contact of(RegisteredSubject subject) {
        if (subject.contactEmail() != null) {
            return new Contact(subject.contactName(), subject.contactEmail(), subject.contactMobile());
        }
        return Stream.concat(registry.websitesOf(subject.idNumber()).stream().map(FilingRegistry.RegisteredWebsite::filingId),
                        registry.appsOf(subject.idNumber()).stream().map(FilingRegistry.RegisteredApp::filingId))
                .distinct()
                .map(filings::find).flatMap(Optional::stream)
                .max(Comparator.comparing(Filing::updatedAt))
                .map(filing -> filing.application().subject().contact()).orElse(null);
    }
}
