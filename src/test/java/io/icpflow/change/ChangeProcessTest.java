package io.icpflow.change;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.registry.FilingRegistry.NewWebsite;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulator.RegulatorNotice.Type;
import io.icpflow.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every path of bpmn/change.bpmn: a website, subject and app change to ACTIVE with the registry changed
 * only once synced and the numbers kept; the rules that return a change; rejection, withdrawal and
 * closing, which change nothing.
 */
@EngineTest
class ChangeProcessTest {

    @Autowired FilingService service;
    @Autowired FilingRepository filings;
    @Autowired FilingRegistry registry;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    /** A subject of alice's filed here before 2019-04-22, when a website could list two domains: 浙ICP备…号-1. */
    private record Legacy(Subject subject, String subjectNumber, String websiteNumber, String kept, String removed) {
    }

    private Legacy legacyWebsite() {
        Subject subject = new Subject(FilingApplication.SubjectKind.ENTERPRISE, "老牌科技有限公司", TestData.uscc(), "ZJ", TestData.contact());
        String number = TestData.newSubjectNumber();
        String kept = TestData.domain();
        String removed = TestData.domain();
        String filingId = UUID.randomUUID().toString();
        registry.recordApproval(new RegisteredSubject(subject.idNumber(), "alice", "ENTERPRISE", subject.name(), "ZJ", number,
                        RegistryStatus.ACTIVE).withContact("张三", "zhang@example.com", "13800138000"),
                filingId, List.of(new NewWebsite(0, "老网站", "cn-hangzhou", List.of(kept, removed), null, "COMPANY")));
        registry.enableAccess(filingId);
        return new Legacy(subject, number, TestData.websiteNumber(number, 1), kept, removed);
    }

    private static FilingApplication websiteChange(Legacy legacy, String name, String... domains) {
        return TestData.change(FilingType.CHANGE_WEBSITE, legacy.subject(), legacy.websiteNumber(),
                List.of(new Website(name, List.of(domains), "cn-hangzhou", Content.COMPANY, true)), List.of());
    }

    @Test
    void aWebsiteChangeRemovesADomainOnlyOnceSyncedAndKeepsTheNumber() {
        Legacy legacy = legacyWebsite();
        String id = create(websiteChange(legacy, "新网站", legacy.kept()));
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.instance(id, ChangeProcess.KEY)).isNotNull();
        String changes = (String) runtime.getVariable(driver.task(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW).getProcessInstanceId(),
                ProviderStageProcess.CHANGE_SUMMARY.name());
        assertThat(changes).contains("websites[0].name: 老网站 → 新网站").contains("removes " + legacy.removed());

        driver.driveToApproved(id, legacy.websiteNumber());
        assertThat(status(id)).isEqualTo(FilingStatus.APPROVED);
        // approved but not synced: the registry still holds the website as filed, and both domains stay connectable
        RegisteredWebsite during = registry.findWebsite(legacy.websiteNumber()).orElseThrow();
        assertThat(during.name()).isEqualTo("老网站");
        assertThat(during.domains()).containsExactlyInAnyOrder(legacy.kept(), legacy.removed());
        assertThat(registry.findDomain(legacy.removed()).orElseThrow().accessEnabled()).isTrue();

        driver.notice(Type.FILING_SYNCED, id, null, null);
        assertThat(status(id)).isEqualTo(FilingStatus.ACTIVE);
        RegisteredWebsite after = registry.findWebsite(legacy.websiteNumber()).orElseThrow();
        assertThat(after.name()).isEqualTo("新网站");
        assertThat(after.domains()).containsExactly(legacy.kept());
        assertThat(after.status()).isEqualTo(RegistryStatus.ACTIVE);
        assertThat(registry.findDomain(legacy.kept()).orElseThrow().accessEnabled()).isTrue();
        assertThat(registry.findDomain(legacy.removed())).isEmpty();
        assertThat(registry.findSubjectByNumber(legacy.subjectNumber()).orElseThrow().icpNumber()).isEqualTo(legacy.subjectNumber());
        assertThat(driver.passed(id, ChangeProcess.KEY, ChangeProcess.Elements.APPLY_CHANGE)).isTrue();
        assertThat(driver.endActivity(id, ChangeProcess.KEY)).isEqualTo(ChangeProcess.Elements.END_ACTIVE);
        assertThat(filings.get(id).icpNumber()).isEqualTo(legacy.websiteNumber());
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status).containsExactly(FilingStatus.SUBMITTED,
                FilingStatus.IDENTITY_VERIFICATION, FilingStatus.PROVIDER_REVIEW, FilingStatus.SMS_VERIFICATION, FilingStatus.CA_REVIEW,
                FilingStatus.APPROVED, FilingStatus.ACTIVE);
        assertThat(driver.mailsQueued(id)).isEqualTo(7);
    }

    /** New .org filings are impossible since 2018-01-01 (信管〔2017〕264号); a website filed before keeps its .org through a change. */
    @Test
    void aWebsiteFiledWithOrgBeforeKeepsItThroughAChange() {
        Subject subject = new Subject(FilingApplication.SubjectKind.ENTERPRISE, "协会科技有限公司", TestData.uscc(), "ZJ", TestData.contact());
        String number = TestData.newSubjectNumber();
        String org = "site-" + UUID.randomUUID().toString().substring(0, 8) + ".org";
        String filingId = UUID.randomUUID().toString();
        registry.recordApproval(new RegisteredSubject(subject.idNumber(), "alice", "ENTERPRISE", subject.name(), "ZJ", number,
                RegistryStatus.ACTIVE), filingId, List.of(new NewWebsite(0, "协会网站", "cn-hangzhou", List.of(org), null, "COMPANY")));
        String id = create(TestData.change(FilingType.CHANGE_WEBSITE, subject, TestData.websiteNumber(number, 1),
                List.of(new Website("协会官网", List.of(org), "cn-hangzhou", Content.COMPANY, true)), List.of()));
        assertThat(filings.get(id).reasons()).isEmpty();
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        // a new filing of a .org domain is refused under the same rules
        String refused = create(TestData.enterprise("new-" + UUID.randomUUID().toString().substring(0, 8) + ".org"));
        assertThat(filings.get(refused).reasons()).extracting(Reason::code).containsExactly(ReasonCode.TLD_NOT_APPROVED);
    }

    @Test
    void aSubjectChangeOfTheContactOnlyChangesTheRegistryOnceSynced() {
        FilingApplication first = TestData.enterprise();
        String filed = create(first);
        String number = TestData.newSubjectNumber();
        driver.driveToActive(filed, number);
        Contact newContact = new Contact("李四", "li@example.com", "13900139000");
        Subject changed = new Subject(first.subject().kind(), first.subject().name(), first.subject().idNumber(), "ZJ", newContact);

        String id = create(TestData.change(FilingType.CHANGE_SUBJECT, changed, number, List.of(), List.of()));
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        driver.driveToApproved(id, number);
        assertThat(registry.findSubjectByNumber(number).orElseThrow().contactEmail()).isEqualTo("zhang@example.com");
        driver.notice(Type.FILING_SYNCED, id, null, null);

        assertThat(status(id)).isEqualTo(FilingStatus.ACTIVE);
        RegisteredSubject after = registry.findSubjectByNumber(number).orElseThrow();
        assertThat(after.contactEmail()).isEqualTo("li@example.com");
        assertThat(after.contactName()).isEqualTo("李四");
        assertThat(after.icpNumber()).isEqualTo(number);
        assertThat(registry.websiteNumbers(filed)).containsEntry(0, TestData.websiteNumber(number, 1));
        // the change's mails go to the contact as it shall be
        assertThat(jdbc.sql("select distinct recipient from mail_outbox where filing_id = ?").param(id).query(String.class).list())
                .containsExactly("li@example.com");
    }

    @Test
    void whatAChangeCannotChangeIsReturnedAtItsField() {
        Legacy legacy = legacyWebsite();
        Subject otherProvince = new Subject(legacy.subject().kind(), legacy.subject().name(), legacy.subject().idNumber(), "SH",
                legacy.subject().contact());
        String subjectChange = create(TestData.change(FilingType.CHANGE_SUBJECT, otherProvince, legacy.subjectNumber(), List.of(), List.of()));
        assertThat(status(subjectChange)).isEqualTo(FilingStatus.RETURNED);
        assertThat(filings.get(subjectChange).reasons()).extracting(Reason::code, Reason::field)
                .contains(tuple(ReasonCode.FIELD_NOT_CHANGEABLE, "subject.province"));
        service.withdraw("alice", subjectChange);

        String added = create(websiteChange(legacy, "老网站", legacy.kept(), TestData.domain()));
        assertThat(status(added)).isEqualTo(FilingStatus.RETURNED);
        assertThat(filings.get(added).reasons()).extracting(Reason::code, Reason::field)
                .containsExactly(tuple(ReasonCode.FIELD_NOT_CHANGEABLE, "websites[0].domains[1]"));
        // corrected: the added domain taken out again, the name changed
        driver.resubmit("alice", added, websiteChange(legacy, "更名网站", legacy.kept(), legacy.removed()));
        assertThat(status(added)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(registry.findWebsite(legacy.websiteNumber()).orElseThrow().name()).isEqualTo("老网站");
    }

    @Test
    void anotherSubjectIdNumberIsNotChangeable() {
        Legacy legacy = legacyWebsite();
        Subject otherId = new Subject(legacy.subject().kind(), legacy.subject().name(), TestData.uscc(), "ZJ", legacy.subject().contact());
        String id = create(TestData.change(FilingType.CHANGE_SUBJECT, otherId, legacy.subjectNumber(), List.of(), List.of()));
        assertThat(filings.get(id).reasons()).extracting(Reason::code, Reason::field)
                .containsExactly(tuple(ReasonCode.FIELD_NOT_CHANGEABLE, "subject.idNumber"));
    }

    @Test
    void aNumberThatIsNotTheCallersIsReturned() {
        Legacy legacy = legacyWebsite();
        String unknown = create(TestData.change(FilingType.CHANGE_WEBSITE, legacy.subject(), TestData.websiteNumber(TestData.newSubjectNumber(), 1),
                List.of(new Website("网站", List.of(TestData.domain()), "cn-hangzhou", Content.COMPANY, true)), List.of()));
        assertThat(filings.get(unknown).reasons()).extracting(Reason::code).containsExactly(ReasonCode.NUMBER_NOT_OURS);
        String bobs = driver.create("bob", websiteChange(legacy, "新网站", legacy.kept()));
        assertThat(filings.get(bobs).reasons()).extracting(Reason::code).containsExactly(ReasonCode.NUMBER_NOT_OURS);
        assertThat(registry.findWebsite(legacy.websiteNumber()).orElseThrow().name()).isEqualTo("老网站");
    }

    @Test
    void aChangeThatChangesNothingIsReturned() {
        Legacy legacy = legacyWebsite();
        String id = create(websiteChange(legacy, "老网站", legacy.kept(), legacy.removed()));
        assertThat(filings.get(id).reasons()).extracting(Reason::code).containsExactly(ReasonCode.NOTHING_TO_CHANGE);
    }

    @Test
    void aChangeBesideAnotherApplicationOfTheSubjectIsRefused() {
        FilingApplication first = TestData.enterprise();
        String filed = create(first);
        String number = TestData.newSubjectNumber();
        driver.driveToActive(filed, number);
        create(new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", first.subject(), TestData.enterprise().websites(), null, null));
        FilingApplication change = TestData.change(FilingType.CHANGE_WEBSITE, first.subject(), TestData.websiteNumber(number, 1),
                List.of(new Website("新名字", first.websites().get(0).domains(), "cn-hangzhou", Content.COMPANY, true)), List.of());
        assertThatThrownBy(() -> create(change)).isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("code", ReasonCode.APPLICATION_IN_PROGRESS.name());
    }

    @Test
    void theSubjectNumberNamesItsOnlyWebsite() {
        Legacy legacy = legacyWebsite();
        FilingApplication bySubjectNumber = TestData.change(FilingType.CHANGE_WEBSITE, legacy.subject(), legacy.subjectNumber(),
                List.of(new Website("新网站", List.of(legacy.kept()), "cn-hangzhou", Content.COMPANY, true)), List.of());
        String id = create(bySubjectNumber);
        assertThat(filings.get(id).application().icpNumber()).isEqualTo(legacy.websiteNumber());
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void aRejectedThenWithdrawnChangeChangesNothing() {
        Legacy legacy = legacyWebsite();
        FilingApplication change = websiteChange(legacy, "新网站", legacy.kept());
        String id = create(change);
        driver.driveToCaReview(id);
        driver.notice(Type.FILING_REJECTED, id, null, "网站名称不符合要求");
        assertThat(status(id)).isEqualTo(FilingStatus.CA_REJECTED);
        assertThat(registry.findWebsite(legacy.websiteNumber()).orElseThrow().domains()).hasSize(2);
        driver.resubmit("alice", id, change);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        service.withdraw("alice", id);

        assertThat(status(id)).isEqualTo(FilingStatus.WITHDRAWN);
        assertThat(driver.endActivity(id, ChangeProcess.KEY)).isEqualTo(ChangeProcess.Elements.END_WITH_PROVIDER);
        RegisteredWebsite after = registry.findWebsite(legacy.websiteNumber()).orElseThrow();
        assertThat(after.name()).isEqualTo("老网站");
        assertThat(after.domains()).containsExactlyInAnyOrder(legacy.kept(), legacy.removed());
        assertThat(registry.findDomain(legacy.removed()).orElseThrow().accessEnabled()).isTrue();
    }

    @Test
    void aReturnedChangeUntouchedFor45DaysIsClosedAndChangesNothing() {
        Legacy legacy = legacyWebsite();
        String id = create(websiteChange(legacy, "老网站", legacy.kept(), legacy.removed()));
        assertThat(status(id)).isEqualTo(FilingStatus.RETURNED);
        driver.fire(id, ProviderStageProcess.Elements.INACTIVE_DAY_45);
        assertThat(status(id)).isEqualTo(FilingStatus.CLOSED);
        assertThat(driver.endActivity(id, ChangeProcess.KEY)).isEqualTo(ChangeProcess.Elements.END_WITH_PROVIDER);
        assertThat(registry.findWebsite(legacy.websiteNumber()).orElseThrow().domains()).hasSize(2);
    }

    @Test
    void aSyncNoticeNamingTheNumberReachesTheChangeWaitingForIt() {
        Legacy legacy = legacyWebsite();
        String id = create(websiteChange(legacy, "新网站", legacy.kept()));
        driver.driveToApproved(id, legacy.websiteNumber());
        driver.notice(Type.FILING_SYNCED, null, legacy.websiteNumber(), null);
        assertThat(status(id)).isEqualTo(FilingStatus.ACTIVE);
        Filing filing = filings.get(id);
        assertThat(filing.status()).isEqualTo(FilingStatus.ACTIVE);
        assertThat(registry.findWebsite(legacy.websiteNumber()).orElseThrow().domains()).containsExactly(legacy.kept());
    }

    private String create(FilingApplication app) {
        return driver.create("alice", app);
    }

    private FilingStatus status(String id) {
        return filings.get(id).status();
    }
}
