package io.icpflow.subjects;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.filing.FilingRepository;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.IcpNumber;
import io.icpflow.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The caller's filed subjects from the registry; the contact is the one of the latest filing that recorded the subject. */
@Service
public class SubjectService {

    private final FilingRegistry registry;
    private final FilingRepository filings;

    SubjectService(FilingRegistry registry, FilingRepository filings) {
        this.registry = registry;
        this.filings = filings;
    }

    @Transactional(readOnly = true)
    public List<SubjectView> list(String owner) {
        return registry.subjectsOf(owner).stream().map(this::view).toList();
    }

    /** One of the caller's subjects by its number (a website's number finds its subject too); another's: 404. */
    @Transactional(readOnly = true)
    public SubjectView get(String owner, String icpNumber) {
        return IcpNumber.parse(icpNumber)
                .flatMap(number -> registry.findSubjectByNumber(number.subject().toString()))
                .filter(subject -> subject.owner().equals(owner))
                .map(this::view)
                .orElseThrow(() -> ApiException.notFound("Subject " + icpNumber));
    }

    private SubjectView view(RegisteredSubject subject) {
        List<RegisteredWebsite> websites = registry.websitesOf(subject.idNumber());
        Contact contact = websites.stream().map(RegisteredWebsite::filingId).distinct()
                .map(filings::find).flatMap(Optional::stream)
                .max(Comparator.comparing(Filing::updatedAt))
                .map(filing -> filing.application().subject().contact()).orElse(null);
        return new SubjectView(subject.icpNumber(), subject.name(), subject.kind(), subject.province(), contact, subject.status(),
                websites.stream().map(w -> new SubjectView.WebsiteView(w.icpNumber(), w.name(), w.domains(), w.serverRegion(),
                        w.status())).toList(),
                List.of());
    }
}
