package io.icpflow.newfiling;

import io.icpflow.filing.DomainRegistrationChecks;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.AppPlatform;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.FilingChecks;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.registry.DomainFacts;
import io.icpflow.registry.DomainFactsPort;
import io.icpflow.registry.FilingRegistry.RegisteredApp;
import io.icpflow.registry.FilingRegistry.RegisteredDomain;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.rules.ApprovedSuffixes;
import io.icpflow.rules.FinanceWords;
import io.icpflow.rules.Rule;
import io.icpflow.rules.RuleBook;
import io.icpflow.rules.RuleTables;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The automated pre-checks of a new filing or a new website, all in one place: each failed rule is a
 * {@link ReasonCode} at the field it concerns. Sources: 001, 002 §2/§3/§8, 003 (see PRODUCT.md).
 */
@Component
public class NewFilingChecks implements FilingChecks {

    private final DomainFactsPort domainFacts;
    private final FilingRegistry registry;
    private final DomainNames domainNames;
    private final DomainRegistrationChecks registration;
    private final RuleBook rules;
    private final ApprovedSuffixes suffixes;
    private final FinanceWords financeWords;

    NewFilingChecks(DomainFactsPort domainFacts, FilingRegistry registry, DomainNames domainNames,
                    DomainRegistrationChecks registration, RuleBook rules, ApprovedSuffixes suffixes, FinanceWords financeWords) {
        this.financeWords = financeWords;
        this.domainFacts = domainFacts;
        this.registry = registry;
        this.domainNames = domainNames;
        this.registration = registration;
        this.rules = rules;
        this.suffixes = suffixes;
    }

    @Override
    public boolean appliesTo(FilingType type) {
        return type.isApplication();
    }

    @Override
    public Result run(Filing filing, LocalDate today) {
        Run run = new Run();
        Subject subject = filing.application().subject();
        checkSubject(filing, subject, run);
        List<Website> websites = filing.application().websites();
        List<String> allDomains = websites.stream().flatMap(w -> w.domains().stream()).toList();
        // the rules of the day the application was (re)submitted, in the subject's province
        LocalDate day = filing.rulesDay();
        String province = subject.province();
        Rule domainsPerWebsite = rules.required(RuleTables.DOMAINS_PER_WEBSITE, province, day);
        rules.inForce(RuleTables.WEBSITES_PER_APPLICATION, province, day)
                .filter(rule -> websites.size() > rule.intValue())
                .ifPresent(rule -> run.fail(new Reason(ReasonCode.TOO_MANY_WEBSITES, "websites", String.valueOf(rule.intValue()), rule.id())));
        rules.inForce(RuleTables.DOMAINS_PER_APPLICATION, province, day)
                .filter(rule -> rule.value().has(subject.kind().name()) && allDomains.size() > rule.value().path(subject.kind().name()).asInt())
                .ifPresent(rule -> run.fail(new Reason(ReasonCode.TOO_MANY_DOMAINS_IN_APPLICATION, "websites",
                        String.valueOf(rule.value().path(subject.kind().name()).asInt()), rule.id())));
        for (int i = 0; i < websites.size(); i++) {
            Website website = websites.get(i);
            String at = "websites[" + i + "]";
            if (subject.kind() == SubjectKind.INDIVIDUAL && website.content() == Content.COMPANY) {
                run.fail(new Reason(ReasonCode.INDIVIDUAL_COMPANY_CONTENT, at + ".content", null));
            }
            financeWords.match(website.name(), province, day)
                    .filter(word -> !website.declares(PreApprovalCategory.FINANCE))
                    .ifPresent(word -> run.fail(new Reason(ReasonCode.PRE_APPROVAL_REQUIRED, at + ".name", website.name(),
                            word.id())));
            if (website.domains().size() > domainsPerWebsite.intValue()) {
                run.fail(new Reason(ReasonCode.TOO_MANY_DOMAINS, at + ".domains", String.valueOf(domainsPerWebsite.intValue()),
                        domainsPerWebsite.id()));
            }
            for (int j = 0; j < website.domains().size(); j++) {
                checkDomain(website.domains().get(j), at + ".domains[" + j + "]", subject, filing.owner(), allDomains, today, day, run);
            }
        }
        List<App> apps = filing.application().apps();
        for (int i = 0; i < apps.size(); i++) {
            checkApp(apps.get(i), "apps[" + i + "]", subject, province, day, run);
        }
        return Result.of(run.failures, List.of(), run.findings, run.waitForRealName);
    }

    /** An app: its content, its name, and each platform's package name or bundle id not filed already (API.md "Apps"). */
    private void checkApp(App app, String at, Subject subject, String province, LocalDate day, Run run) {
        if (subject.kind() == SubjectKind.INDIVIDUAL && app.content() == Content.COMPANY) {
            run.fail(new Reason(ReasonCode.INDIVIDUAL_COMPANY_CONTENT, at + ".content", null));
        }
        financeWords.match(app.name(), province, day)
                .filter(word -> !app.declares(PreApprovalCategory.FINANCE))
                .ifPresent(word -> run.fail(new Reason(ReasonCode.PRE_APPROVAL_REQUIRED, at + ".name", app.name(), word.id())));
        for (int k = 0; k < app.platforms().size(); k++) {
            AppPlatform platform = app.platforms().get(k);
            String field = at + ".platforms[" + k + "]." + (platform.platform().usesBundleId() ? "bundleId" : "packageName");
            Optional<RegisteredApp> filed = registry.findActiveAppByIdentifier(platform.platform().name(), platform.identifier());
            if (filed.isPresent()) {
                run.fail(new Reason(ReasonCode.APP_ALREADY_FILED, field, platform.identifier()));
            } else {
                run.findings.add(app.name() + " " + platform.platform() + " " + platform.identifier() + ": not filed");
            }
        }
    }

    private void checkSubject(Filing filing, Subject subject, Run run) {
        Optional<RegisteredSubject> known = registry.findSubject(subject.idNumber()).filter(RegisteredSubject::isActive);
        if (known.isPresent() && !known.get().owner().equals(filing.owner())) {
            run.fail(new Reason(ReasonCode.SUBJECT_EXISTS_ELSEWHERE, "subject.idNumber", null));
        } else if (filing.type() == FilingType.NEW_FILING && known.isPresent()) {
            run.fail(new Reason(ReasonCode.SUBJECT_ALREADY_FILED, "type", known.get().icpNumber()));
        } else if (filing.type() == FilingType.NEW_WEBSITE && known.isEmpty()) {
            run.fail(new Reason(ReasonCode.SUBJECT_NOT_FILED, "type", null));
        } else {
            run.findings.add("subject " + subject.idNumber() + ": " + known.map(s -> "filed here as " + s.icpNumber()).orElse("new subject"));
        }
    }

    private void checkDomain(String domain, String field, Subject subject, String owner, List<String> inThisApplication,
                             LocalDate today, LocalDate rulesDay, Run run) {
        String shown = domainNames.toUnicode(domain);
        if (domainNames.looksLikeAnotherName(domain)) {
            run.findings.add("WARNING " + shown + " (" + domain + "): mixes scripts or look-alike characters; it may imitate another name");
        }
        if (domainNames.isSubdomain(domain)) {
            String top = domainNames.registrableDomain(domain);
            if (registry.findDomain(top).isEmpty() && !inThisApplication.contains(top)) {
                run.fail(new Reason(ReasonCode.TOP_DOMAIN_NOT_FILED, field, shown));
            } else {
                run.findings.add(shown + ": sub-domain of " + domainNames.toUnicode(top) + ", filed");
            }
            return;
        }
        Optional<Rule> refusal = suffixes.refusal(domain, subject.province(), rulesDay, true);
        if (refusal.isPresent()) {
            run.fail(new Reason(ReasonCode.TLD_NOT_APPROVED, field, shown, refusal.get().id()));
            return;
        }
        DomainFacts facts = domainFacts.lookup(domain, subject.name());
        int failuresBefore = run.failures.size();
        registration.failures(domain, facts, subject.name(), today).forEach(code -> run.fail(new Reason(code, field, shown)));
        checkExistingFiling(domain, field, shown, subject, owner, facts, run);
        if (run.failures.size() == failuresBefore) {
            if (facts.isRealNamePendingAtMiit(today)) {
                run.waitForRealName = true;
                run.findings.add(shown + ": real-name verified, not yet recorded at MIIT (about 2 business days, 003): waiting");
            } else {
                run.findings.add(shown + ": registrar " + facts.registrar() + ", expires " + facts.expiresOn()
                        + ", real-name recorded " + facts.realNameRecordedOn() + ", holder matches, not filed");
            }
        }
    }

    private void checkExistingFiling(String domain, String field, String shown, Subject subject, String owner,
                                     DomainFacts facts, Run run) {
        Optional<RegisteredDomain> ours = registry.findDomain(domain);
        if (ours.isPresent()) {
            boolean sameSubject = ours.get().subjectIdNumber().equals(subject.idNumber()) && ours.get().owner().equals(owner);
            run.fail(new Reason(sameSubject ? ReasonCode.ALREADY_FILED : ReasonCode.DOMAIN_FILED_BY_OTHERS, field, shown));
        } else if (facts.isFiled()) {
            boolean sameHolder = facts.icpHolder() == null || facts.icpHolder().strip().equals(subject.name().strip());
            if (!sameHolder) {
                run.fail(new Reason(ReasonCode.DOMAIN_FILED_BY_OTHERS, field, shown));
            } else if (!facts.isFiledThroughUs()) {
                run.fail(new Reason(ReasonCode.FILED_WITH_OTHER_PROVIDER, field, shown));
            } else {
                run.fail(new Reason(ReasonCode.ALREADY_FILED, field, shown));
            }
        }
    }

    private static final class Run {
        final List<Reason> failures = new ArrayList<>();
        final List<String> findings = new ArrayList<>();
        boolean waitForRealName;

        void fail(Reason reason) {
            failures.add(reason);
            findings.add("FAILED " + reason.code() + (reason.detail() == null ? "" : " (" + reason.detail() + ")") + " at " + reason.field());
        }
    }
}
