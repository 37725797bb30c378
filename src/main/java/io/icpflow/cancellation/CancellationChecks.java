package io.icpflow.cancellation;

import io.icpflow.filing.Filing;

import io.icpflow.providerstage.FilingChecks;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.IcpNumber;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a provider checks before it asks the CA to cancel: the number is an active filing of this
 * subject under this account; a subject is cancelled only with its websites still connected here
 * (its apps go with it); one cancellation of a number at a time.
 */
@Component
class CancellationChecks implements FilingChecks {

    private final FilingRegistry registry;
    private final FilingRepository filings;

    CancellationChecks(FilingRegistry registry, FilingRepository filings) {
        this.registry = registry;
        this.filings = filings;
    }

    @Override
    public boolean appliesTo(FilingType type) {
        return type.isCancellation();
    }

    @Override
    public Result run(Filing filing, LocalDate today) {
        String number = filing.application().icpNumber();
        String subjectId = filing.subjectIdNumber();
        List<Reason> failures = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<RegisteredWebsite> covered = new ArrayList<>();
        if (filing.type() == FilingType.CANCEL_SUBJECT) {
            boolean ours = registry.findSubjectByNumber(IcpNumber.subjectNumberOf(number))
                    .filter(s -> s.isActive() && s.idNumber().equals(subjectId) && s.owner().equals(filing.owner()))
                    .isPresent();
            if (!ours) {
                failures.add(new Reason(ReasonCode.NUMBER_NOT_OURS, "icpNumber", number));
            } else {
                covered.addAll(registry.activeWebsitesOf(subjectId));
                Set<String> listed = filing.application().websites().stream()
                        .flatMap(w -> w.domains().stream()).collect(Collectors.toSet());
                // a website counts as part of the request when its domains are listed, or its own cancellation runs
                List<String> stillAccessed = covered.stream()
                        .filter(w -> !w.domains().isEmpty() && !listed.containsAll(w.domains()))
                        .filter(w -> filings.openCancellationsOf(w.icpNumber(), filing.id()).isEmpty())
                        .map(RegisteredWebsite::icpNumber).toList();
                if (!stillAccessed.isEmpty()) {
                    failures.add(new Reason(ReasonCode.WEBSITES_STILL_ACCESSED, "websites", String.join(", ", stillAccessed)));
                }
            }
            registry.activeAppsOf(subjectId).forEach(a -> findings.add("CANCEL_SUBJECT cancels app " + a.icpNumber() + " " + a.name()));
        } else if (filing.type() == FilingType.CANCEL_APP) {
            registry.findApp(number)
                    .filter(a -> a.isActive() && a.subjectIdNumber().equals(subjectId) && a.owner().equals(filing.owner()))
                    .ifPresentOrElse(a -> findings.add("CANCEL_APP " + a.icpNumber() + " " + a.name() + ": " + a.platforms().stream()
                                    .map(p -> p.platform() + " " + p.identifier()).toList()),
                            () -> failures.add(new Reason(ReasonCode.NUMBER_NOT_OURS, "icpNumber", number)));
        } else {
            registry.findWebsite(number)
                    .filter(w -> w.isActive() && w.subjectIdNumber().equals(subjectId) && w.owner().equals(filing.owner()))
                    .ifPresentOrElse(covered::add,
                            () -> failures.add(new Reason(ReasonCode.NUMBER_NOT_OURS, "icpNumber", number)));
        }
        if (!filings.openCancellationsOf(number, filing.id()).isEmpty()) {
            failures.add(new Reason(ReasonCode.CANCELLATION_IN_PROGRESS, "icpNumber", number));
        }
        covered.forEach(w -> findings.add(filing.type() + " " + w.icpNumber() + " " + w.name() + ": " + w.domains()));
        findings.add("reason given: " + filing.application().reason());
        return Result.of(failures, List.of(), findings, false);
    }

}
