package io.icpflow.subjects;

import io.icpflow.filing.SubjectContacts;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredPlatform;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.IcpNumber;
import io.icpflow.web.ApiException;
import io.icpflow.web.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The caller's filed subjects from the registry, as approved changes have left them. */
@Service
public class SubjectService {

    private final FilingRegistry registry;
    private final SubjectContacts contacts;

    SubjectService(FilingRegistry registry, SubjectContacts contacts) {
        this.registry = registry;
        this.contacts = contacts;
    }

    public record Listed(List<SubjectView> items, long total) {
    }

    @Transactional(readOnly = true)
    public Listed list(String owner, Paging paging) {
        return new Listed(registry.subjectsOf(owner, paging.offset(), paging.size()).stream().map(this::view).toList(),
                registry.countSubjectsOf(owner));
    }

    /** One of the caller's subjects by its number (a website's or app's number finds its subject too); another's: 404. */
    @Transactional(readOnly = true)
    public SubjectView get(String owner, String icpNumber) {
        return IcpNumber.parse(icpNumber)
                .flatMap(number -> registry.findSubjectByNumber(number.subject().toString()))
                .filter(subject -> subject.owner().equals(owner))
                .map(this::view)
                .orElseThrow(() -> ApiException.notFound("Subject " + icpNumber));
    }

    private SubjectView view(RegisteredSubject subject) {
        return new SubjectView(subject.icpNumber(), subject.name(), subject.kind(), subject.province(), contacts.of(subject), subject.status(),
                registry.websitesOf(subject.idNumber()).stream()
                        .map(w -> new SubjectView.WebsiteView(w.icpNumber(), w.name(), w.domains(), w.serverRegion(), w.status())).toList(),
                registry.appsOf(subject.idNumber()).stream()
                        .map(a -> new SubjectView.AppView(a.icpNumber(), a.name(),
                                a.platforms().stream().map(RegisteredPlatform::platform).toList(), a.serverRegion(), a.status())).toList());
    }
}
