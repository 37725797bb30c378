package io.icpflow.newfiling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.TestData;
import io.icpflow.filing.DomainRegistrationChecks;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.FilingChecks.Result;
import io.icpflow.providerstage.ProviderStageProcess.PreCheckOutcome;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.reference.Provinces;
import io.icpflow.registry.Facts;
import io.icpflow.registry.FilingRegistry.RegisteredDomain;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.rules.ApprovedSuffixes;
import io.icpflow.rules.FinanceWords;
import io.icpflow.rules.RuleBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Each pre-check of a new filing or website, on its own, at its field: the rules against the domain
 * facts, the registry (stubbed: its SQL is covered by the engine tests), the shipped rule tables of
 * rules/ and the certificate table (stubbed: PolicyTablesTest evaluates the DMN).
 */
class NewFilingChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String DOMAIN = "example.cn";
    private static final String FIELD = "websites[0].domains[0]";

    private static final RuleBook RULES = new RuleBook(new ObjectMapper().findAndRegisterModules(),
            new Provinces(new ObjectMapper()), new DomainNames());
    private final DomainNames domainNames = new DomainNames();
    private final FilingRegistry registry = mock(FilingRegistry.class);
    private Facts facts;
    private FilingApplication app;

    @BeforeEach
    void setUp() {
        facts = new Facts(TODAY);
        app = TestData.enterprise(DOMAIN);
    }

    @Test
    void anUnremarkableDomainPasses() {
        Result result = run(app);
        assertThat(result.outcome()).isEqualTo(PreCheckOutcome.PASSED);
        assertThat(result.failures()).isEmpty();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f).startsWith(DOMAIN + ": registrar").endsWith("not filed"))
                .anySatisfy(f -> assertThat(f).contains("new subject"));
    }

    @Test
    void everyRegistrationRuleFailsAtTheDomainsField() {
        facts.with(DOMAIN, "另一家有限公司").expiresOn(TODAY.minusDays(1)).registeredAbroad().realName(false, null).done();
        assertThat(codesAt(run(app), FIELD)).containsExactlyInAnyOrder(ReasonCode.DOMAIN_REGISTERED_ABROAD, ReasonCode.DOMAIN_EXPIRED,
                ReasonCode.REAL_NAME_MISSING, ReasonCode.HOLDER_MISMATCH);
    }

    @Test
    void aComDomainNotIdentityVerifiedWithinFiveDaysOfRegistration() {
        FilingApplication com = TestData.enterprise("example.com");
        facts.with("example.com", com.subject().name()).identityUnverifiedSince(TODAY.minusDays(6)).done();
        assertThat(codesAt(run(com), FIELD)).containsExactly(ReasonCode.IDENTITY_VERIFICATION_OVERDUE);
        facts.with("example.com", com.subject().name()).identityUnverifiedSince(TODAY.minusDays(5)).done();
        assertThat(run(com).failures()).isEmpty();
    }

    @Test
    void realNameVerifiedButNotYetRecordedAtMiitWaits() {
        facts.with(DOMAIN, app.subject().name()).realName(true, null).done();
        Result result = run(app);
        assertThat(result.outcome()).isEqualTo(PreCheckOutcome.WAIT_FOR_REAL_NAME);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void aTldOffMiitsListIsRefusedBeforeTheRegistryIsAsked() {
        FilingApplication xyz = TestData.enterprise("example.io");
        Result result = run(xyz);
        assertThat(result.failures()).extracting(Reason::code, Reason::field)
                .containsExactly(tuple(ReasonCode.TLD_NOT_APPROVED, FIELD));
    }

    @Test
    void aSubdomainNeedsItsRegistrableDomainFiledOrInTheSameApplication() {
        FilingApplication sub = TestData.enterprise("www.example.cn");
        assertThat(codesAt(run(sub), FIELD)).containsExactly(ReasonCode.TOP_DOMAIN_NOT_FILED);
        FilingApplication both = TestData.withWebsites(sub, List.of(website("example.cn"), website("www.example.cn")));
        assertThat(run(both).failures()).isEmpty();
    }

    @Test
    void aDomainFiledElsewhereTellsByWhomAndThroughWhom() {
        facts.with(DOMAIN, "x").filed("京ICP备2020000001号-1", "另一家有限公司", "other-cloud").done();
        assertThat(codesAt(run(app), FIELD)).contains(ReasonCode.DOMAIN_FILED_BY_OTHERS);
        facts.with(DOMAIN, app.subject().name()).filed("京ICP备2020000001号-1", app.subject().name(), "other-cloud").done();
        assertThat(codesAt(run(app), FIELD)).containsExactly(ReasonCode.FILED_WITH_OTHER_PROVIDER);
        facts.with(DOMAIN, app.subject().name()).filed("京ICP备2020000001号-1", app.subject().name(), null).done();
        assertThat(codesAt(run(app), FIELD)).containsExactly(ReasonCode.ALREADY_FILED);
    }

    @Test
    void aDomainInOurRegistryIsAlreadyFiledOrSomeoneElses() {
        when(registry.findDomain(DOMAIN)).thenReturn(Optional.of(new RegisteredDomain(DOMAIN, "浙ICP备2026000001号-1", "f0",
                app.subject().idNumber(), "alice", true, true, RegistryStatus.ACTIVE)));
        assertThat(codesAt(run(app), FIELD)).containsExactly(ReasonCode.ALREADY_FILED);
        when(registry.findDomain(DOMAIN)).thenReturn(Optional.of(new RegisteredDomain(DOMAIN, "浙ICP备2026000001号-1", "f0",
                TestData.uscc(), "bob", true, true, RegistryStatus.ACTIVE)));
        assertThat(codesAt(run(app), FIELD)).containsExactly(ReasonCode.DOMAIN_FILED_BY_OTHERS);
    }

    @Test
    void theSubjectMustMatchTheType() {
        RegisteredSubject filedHere = new RegisteredSubject(app.subject().idNumber(), "alice", "ENTERPRISE", app.subject().name(), "ZJ",
                "浙ICP备2026000001号", RegistryStatus.ACTIVE);
        when(registry.findSubject(app.subject().idNumber())).thenReturn(Optional.of(filedHere));
        assertThat(codesAt(run(app), "type")).containsExactly(ReasonCode.SUBJECT_ALREADY_FILED);
        FilingApplication website = new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", app.subject(), app.websites(), null, null);
        assertThat(run(website).failures()).isEmpty();
        when(registry.findSubject(app.subject().idNumber())).thenReturn(Optional.of(new RegisteredSubject(app.subject().idNumber(), "bob",
                "ENTERPRISE", app.subject().name(), "ZJ", "浙ICP备2026000001号", RegistryStatus.ACTIVE)));
        assertThat(codesAt(run(app), "subject.idNumber")).containsExactly(ReasonCode.SUBJECT_EXISTS_ELSEWHERE);
        when(registry.findSubject(app.subject().idNumber())).thenReturn(Optional.empty());
        assertThat(codesAt(run(website), "type")).containsExactly(ReasonCode.SUBJECT_NOT_FILED);
    }

    @Test
    void theRuleTablesLimitDomainsPerWebsite() {
        FilingApplication two = TestData.withWebsites(app, List.of(new Website("示例官网", List.of("a-site.cn", "b-site.cn"),
                "cn-hangzhou", Content.COMPANY, false)));
        Result result = run(two);
        assertThat(result.failures()).extracting(Reason::code, Reason::field).containsExactly(
                tuple(ReasonCode.TOO_MANY_DOMAINS, "websites[0].domains"));
        // since 2019-04-22 one domain per website, every province: the reason names that row
        assertThat(result.failures().get(0)).satisfies(r -> {
            assertThat(r.detail()).isEqualTo("1");
            assertThat(r.rule()).isEqualTo("DOMAINS_PER_WEBSITE_1");
        });
    }

    @Test
    void orgIsRefusedForANewFilingNamingTheRuleOf2018() {
        FilingApplication org = TestData.enterprise("example.org");
        assertThat(run(org).failures()).extracting(Reason::code, Reason::field, Reason::rule)
                .containsExactly(tuple(ReasonCode.TLD_NOT_APPROVED, FIELD, "SUFFIX_ORG_EXISTING_ONLY"));
        // an application submitted before 2018 was judged by the rules of its own day
        assertThat(runOn(org, LocalDate.of(2017, 12, 1)).failures()).extracting(Reason::code).doesNotContain(ReasonCode.TLD_NOT_APPROVED);
        assertThat(run(TestData.enterprise("example.me")).failures()).extracting(Reason::code, Reason::rule)
                .containsExactly(tuple(ReasonCode.TLD_NOT_APPROVED, "SUFFIX_CN"));
    }

    @Test
    void hubeiAndHunanTakeOneWebsitePerApplication() {
        for (String province : List.of("HB", "HN")) {
            FilingApplication two = inProvince(TestData.withWebsites(app, List.of(website("a-site.cn"), website("b-site.cn"))), province);
            assertThat(run(two).failures()).as(province).extracting(Reason::code, Reason::field, Reason::detail, Reason::rule)
                    .containsExactly(tuple(ReasonCode.TOO_MANY_WEBSITES, "websites", "1", "WEBSITES_PER_APPLICATION_" + province + "_1"));
        }
        FilingApplication twoInZhejiang = TestData.withWebsites(app, List.of(website("a-site.cn"), website("b-site.cn")));
        assertThat(run(twoInZhejiang).failures()).isEmpty();
    }

    @Test
    void henanTakesFiveDomainsOfAnEnterpriseShanxiThreeNewOnes() {
        List<Website> six = java.util.stream.IntStream.range(0, 6).mapToObj(i -> website("site-" + i + ".cn")).toList();
        assertThat(run(inProvince(TestData.withWebsites(app, six), "HA")).failures())
                .extracting(Reason::code, Reason::field, Reason::detail, Reason::rule)
                .containsExactly(tuple(ReasonCode.TOO_MANY_DOMAINS_IN_APPLICATION, "websites", "5", "DOMAINS_PER_APPLICATION_HA"));
        assertThat(run(inProvince(TestData.withWebsites(app, six.subList(0, 5)), "HA")).failures()).isEmpty();
        assertThat(run(inProvince(TestData.withWebsites(app, six.subList(0, 4)), "SX")).failures())
                .extracting(Reason::code, Reason::detail).containsExactly(tuple(ReasonCode.TOO_MANY_DOMAINS_IN_APPLICATION, "3"));
        assertThat(run(inProvince(TestData.withWebsites(app, six.subList(0, 4)), "ZJ")).failures()).isEmpty();
    }

    /** A finance name needs the FINANCE pre-approval category (rules/finance-words.json; API.md). */
    @Test
    void aFinanceNameNeedsTheFinancePreApproval() {
        for (String name : List.of("示例理财", "Example P2P lending", "example p2p")) {
            FilingApplication finance = TestData.withWebsites(app, List.of(new Website(name, List.of(DOMAIN), "cn-hangzhou", Content.COMPANY, true)));
            assertThat(run(finance).failures()).as(name).extracting(Reason::code, Reason::field, Reason::rule)
                    .containsExactly(tuple(ReasonCode.PRE_APPROVAL_REQUIRED, "websites[0].name", "FINANCE_WORDS"));
        }
        FilingApplication declared = TestData.withWebsites(app, List.of(new Website("示例理财", List.of(DOMAIN), "cn-hangzhou",
                Content.COMPANY, true, List.of(PreApprovalCategory.FINANCE))));
        assertThat(run(declared).failures()).isEmpty();
        FilingApplication other = TestData.withWebsites(app, List.of(new Website("示例理财", List.of(DOMAIN), "cn-hangzhou",
                Content.COMPANY, true, List.of(PreApprovalCategory.NEWS))));
        assertThat(run(other).failures()).extracting(Reason::code).containsExactly(ReasonCode.PRE_APPROVAL_REQUIRED);
    }

    private static Website website(String domain) {
        return new Website("示例网站", List.of(domain), "cn-hangzhou", Content.COMPANY, true);
    }

    private static FilingApplication inProvince(FilingApplication application, String province) {
        var s = application.subject();
        return TestData.withSubject(application, new FilingApplication.Subject(s.kind(), s.name(), s.idNumber(), province, s.contact()));
    }

    @Test
    void anIndividualMayNotFileCompanyContent() {
        FilingApplication individual = TestData.individual(Content.COMPANY, DOMAIN);
        assertThat(codesAt(run(individual), "websites[0].content")).containsExactly(ReasonCode.INDIVIDUAL_COMPANY_CONTENT);
        assertThat(run(TestData.individual(Content.PERSONAL, DOMAIN)).failures()).isEmpty();
    }

    private Result run(FilingApplication application) {
        return runOn(application, TODAY);
    }

    /** The application as submitted on {@code day}: the rules of that day apply. */
    private Result runOn(FilingApplication application, LocalDate day) {
        NewFilingChecks checks = new NewFilingChecks(facts, registry, domainNames, new DomainRegistrationChecks(domainNames),
                RULES, new ApprovedSuffixes(RULES, domainNames), new FinanceWords(RULES));
        assertThat(checks.appliesTo(application.type())).isTrue();
        OffsetDateTime submitted = day.atTime(10, 0).atOffset(java.time.ZoneOffset.ofHours(8));
        return checks.run(new Filing("f1", "alice", application.type(), FilingStatus.SUBMITTED, "zh-CN", null, application,
                List.of(), List.of(), submitted, submitted), TODAY);
    }

    private static List<ReasonCode> codesAt(Result result, String field) {
        assertThat(result.outcome()).isEqualTo(PreCheckOutcome.FAILED);
        assertThat(result.failures()).allSatisfy(r -> assertThat(r.field()).isEqualTo(field));
        return result.failures().stream().map(Reason::code).toList();
    }
}
