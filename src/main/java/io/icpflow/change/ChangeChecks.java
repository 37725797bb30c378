package io.icpflow.change;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.AppPlatform;
import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.filing.RegisteredPlatforms;
import io.icpflow.filing.SubjectContacts;
import io.icpflow.providerstage.FilingChecks;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.reference.Regions;
import io.icpflow.registry.FilingRegistry.RegisteredApp;
import io.icpflow.registry.FilingRegistry.RegisteredPlatform;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.IcpNumber;
import io.icpflow.rules.ApprovedSuffixes;
import io.icpflow.rules.FinanceWords;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pre-checks of a change (变更备案; PRODUCT.md item 6): the number is an active filing of this caller;
 * the subject's ID number, province and kind stay; a website's domains may only be removed; a changed
 * name or content meets the rules a new one would; and it changes something. Their result lists what
 * changes, old value beside new, for the reviewer.
 */
@Component
class ChangeChecks implements FilingChecks {

    private static final String ARROW = " → ";

    private final FilingRegistry registry;
    private final FilingRepository filings;
    private final SubjectContacts contacts;
    private final FinanceWords financeWords;
    private final ApprovedSuffixes suffixes;
    private final DomainNames domainNames;
    private final Regions regions;

    ChangeChecks(FilingRegistry registry, FilingRepository filings, SubjectContacts contacts, FinanceWords financeWords,
                 ApprovedSuffixes suffixes, DomainNames domainNames, Regions regions) {
        this.regions = regions;
        this.registry = registry;
        this.filings = filings;
        this.contacts = contacts;
        this.financeWords = financeWords;
        this.suffixes = suffixes;
        this.domainNames = domainNames;
    }

    @Override
    public boolean appliesTo(FilingType type) {
        return type.isChange();
    }

    @Override
    public Result run(Filing filing, LocalDate today) {
        Check check = new Check(filing);
        String number = filing.application().icpNumber();
        Optional<RegisteredSubject> subject = registry.findSubjectByNumber(IcpNumber.subjectNumberOf(number))
                .filter(s -> s.isActive() && s.owner().equals(filing.owner()));
        if (subject.isEmpty()) {
            check.fail(new Reason(ReasonCode.NUMBER_NOT_OURS, "icpNumber", number));
            return check.result();
        }
        unchangeable(subject.get(), filing.application().subject(), check);
        switch (filing.type()) {
            case CHANGE_SUBJECT -> subjectChange(subject.get(), filing.application().subject(), check);
            case CHANGE_WEBSITE -> registry.findWebsite(number)
                    .filter(w -> w.isActive() && w.subjectIdNumber().equals(subject.get().idNumber()))
                    .ifPresentOrElse(w -> websiteChange(w, subject.get(), check),
                            () -> check.fail(new Reason(ReasonCode.NUMBER_NOT_OURS, "icpNumber", number)));
            case CHANGE_APP -> registry.findApp(number)
                    .filter(a -> a.isActive() && a.subjectIdNumber().equals(subject.get().idNumber()))
                    .ifPresentOrElse(a -> appChange(a, subject.get(), check),
                            () -> check.fail(new Reason(ReasonCode.NUMBER_NOT_OURS, "icpNumber", number)));
            default -> throw new IllegalStateException("not a change: " + filing.type());
        }
        if (!filings.openCancellationsOf(number, filing.id()).isEmpty()) {
            check.fail(new Reason(ReasonCode.CANCELLATION_IN_PROGRESS, "icpNumber", number));
        }
        return check.result();
    }

    /** The subject's ID number, province and kind are the filing itself: a change keeps them. */
    private static void unchangeable(RegisteredSubject filed, Subject asItShallBe, Check check) {
        check.keep("subject.idNumber", filed.idNumber(), asItShallBe.idNumber());
        check.keep("subject.province", filed.province(), asItShallBe.province());
        check.keep("subject.kind", filed.kind(), asItShallBe.kind().name());
    }

    private void subjectChange(RegisteredSubject filed, Subject asItShallBe, Check check) {
        Contact contact = contacts.of(filed);
        check.compare("subject.name", filed.name(), asItShallBe.name());
        check.compare("subject.contact.name", contact == null ? null : contact.name(), asItShallBe.contact().name());
        check.compare("subject.contact.email", contact == null ? null : contact.email(), asItShallBe.contact().email());
        check.compare("subject.contact.mobile", contact == null ? null : contact.mobile(), asItShallBe.contact().mobile());
        check.nothingChanged("subject", filed.icpNumber());
    }

    private void websiteChange(RegisteredWebsite filed, RegisteredSubject subject, Check check) {
        Website asItShallBe = check.filing.application().websites().get(0);
        String content = filed.content() != null ? filed.content() : contentAtFiling(filed);
        check.compare("websites[0].name", filed.name(), asItShallBe.name());
        check.compare("websites[0].serverRegion", filed.serverRegion(), asItShallBe.serverRegion());
        check.compare("websites[0].content", content, asItShallBe.content().name());
        List<String> domains = asItShallBe.domains();
        for (int j = 0; j < domains.size(); j++) {
            String domain = domains.get(j);
            if (!filed.domains().contains(domain)) {
                // one domain per website since 2019-04-22: a change cannot add or replace one
                check.fail(new Reason(ReasonCode.FIELD_NOT_CHANGEABLE, "websites[0].domains[" + j + "]",
                        domainNames.toUnicode(domain) + " is not filed under " + filed.icpNumber()));
            } else {
                // a filing made before keeps a suffix that new filings may no longer use (.org since 2018)
                String field = "websites[0].domains[" + j + "]";
                suffixes.refusal(domain, subject.province(), check.filing.rulesDay(), false).ifPresent(rule ->
                        check.fail(new Reason(ReasonCode.TLD_NOT_APPROVED, field, domainNames.toUnicode(domain), rule.id())));
            }
        }
        List<String> removed = filed.domains().stream().filter(d -> !domains.contains(d)).map(domainNames::toUnicode).toList();
        if (!removed.isEmpty()) {
            check.changes.add("websites[0].domains: removes " + String.join(", ", removed) + " (no longer filed once synced)");
        }
        if (regions.isMainland(filed.serverRegion()) && !regions.isMainland(asItShallBe.serverRegion())) {
            // a filed website served from outside the mainland may lose its filing (002 §1)
            check.notices.add(new Reason(ReasonCode.FILING_MAY_BE_REVOKED, "websites[0].serverRegion", asItShallBe.serverRegion()));
        }
        content(subject, asItShallBe.content(), "websites[0]", check);
        financeName(asItShallBe.name(), asItShallBe.declares(PreApprovalCategory.FINANCE), "websites[0]", subject, check);
        check.nothingChanged("websites[0]", filed.icpNumber());
    }

    private void appChange(RegisteredApp filed, RegisteredSubject subject, Check check) {
        App asItShallBe = check.filing.application().apps().get(0);
        check.compare("apps[0].name", filed.name(), asItShallBe.name());
        check.compare("apps[0].serverRegion", filed.serverRegion(), asItShallBe.serverRegion());
        check.compare("apps[0].content", filed.content(), asItShallBe.content().name());
        List<RegisteredPlatform> platforms = RegisteredPlatforms.of(asItShallBe);
        if (!new HashSet<>(filed.platforms()).equals(new HashSet<>(platforms))) {
            String before = describe(filed.platforms());
            String after = describe(platforms);
            check.compare("apps[0].platforms", before, before.equals(after) ? after + " (new public key)" : after);
        }
        for (int k = 0; k < asItShallBe.platforms().size(); k++) {
            AppPlatform platform = asItShallBe.platforms().get(k);
            String field = "apps[0].platforms[" + k + "]." + (platform.platform().usesBundleId() ? "bundleId" : "packageName");
            registry.findActiveAppByIdentifier(platform.platform().name(), platform.identifier())
                    .filter(other -> !other.icpNumber().equals(filed.icpNumber()))
                    .ifPresent(other -> check.fail(new Reason(ReasonCode.APP_ALREADY_FILED, field, platform.identifier())));
        }
        content(subject, asItShallBe.content(), "apps[0]", check);
        financeName(asItShallBe.name(), asItShallBe.declares(PreApprovalCategory.FINANCE), "apps[0]", subject, check);
        check.nothingChanged("apps[0]", filed.icpNumber());
    }

    private static void content(RegisteredSubject subject, Content content, String at, Check check) {
        if ("INDIVIDUAL".equals(subject.kind()) && content == Content.COMPANY) {
            check.fail(new Reason(ReasonCode.INDIVIDUAL_COMPANY_CONTENT, at + ".content", null));
        }
    }

    private void financeName(String name, boolean declaresFinance, String at, RegisteredSubject subject, Check check) {
        financeWords.match(name, subject.province(), check.filing.rulesDay())
                .filter(word -> !declaresFinance)
                .ifPresent(word -> check.fail(new Reason(ReasonCode.PRE_APPROVAL_REQUIRED, at + ".name", name, word.id())));
    }

    /** Platform, package name or bundle id, and fingerprint: what a reviewer compares (the key is too long to read). */
    private static String describe(List<RegisteredPlatform> platforms) {
        return String.join("; ", platforms.stream().sorted(Comparator.comparing(RegisteredPlatform::platform))
                .map(p -> p.platform() + " " + p.identifier() + " " + p.fingerprint()).toList());
    }

    /** A website recorded before the registry held its content: the content of the application that filed it. */
    private String contentAtFiling(RegisteredWebsite website) {
        return filings.find(website.filingId())
                .map(f -> f.application().websites())
                .filter(ws -> website.websiteIndex() < ws.size())
                .map(ws -> ws.get(website.websiteIndex()).content().name())
                .orElse(null);
    }

    /** One run: the failures, the findings and the changes, old value beside new. */
    private static final class Check {
        final Filing filing;
        final List<Reason> failures = new ArrayList<>();
        final List<Reason> notices = new ArrayList<>();
        final List<String> findings = new ArrayList<>();
        final List<String> changes = new ArrayList<>();

        Check(Filing filing) {
            this.filing = filing;
        }

        void fail(Reason reason) {
            failures.add(reason);
            findings.add("FAILED " + reason.code() + (reason.detail() == null ? "" : " (" + reason.detail() + ")") + " at " + reason.field());
        }

        void keep(String field, String filed, String asItShallBe) {
            if (!Objects.equals(filed, asItShallBe)) {
                fail(new Reason(ReasonCode.FIELD_NOT_CHANGEABLE, field, field + ": " + filed + ARROW + asItShallBe));
            }
        }

        void compare(String field, String filed, String asItShallBe) {
            if (!Objects.equals(filed, asItShallBe)) {
                changes.add(field + ": " + (filed == null ? "(not recorded)" : filed) + ARROW + asItShallBe);
            }
        }

        void nothingChanged(String field, String number) {
            if (changes.isEmpty() && failures.isEmpty()) {
                fail(new Reason(ReasonCode.NOTHING_TO_CHANGE, field, number));
            }
        }

        Result result() {
            findings.addAll(0, changes.isEmpty() ? List.of("changes: none") : changes.stream().map(c -> "CHANGE " + c).toList());
            return Result.of(failures, notices, findings, false).withChanges(changes);
        }
    }
}
