package io.icpflow.newfiling;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.FilingView;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.registry.FilingRegistry.RegisteredApp;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulator.RegulatorNotice.Type;
import io.icpflow.subjects.SubjectService;
import io.icpflow.subjects.SubjectView;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Apps (APP备案) through bpmn/filing.bpmn and the change and cancellation processes: numbers …号-nA from
 * the subject's one sequence, APP_ALREADY_FILED, CHANGE_APP and CANCEL_APP.
 */
@EngineTest
class AppFilingProcessTest {

    @Autowired FilingService service;
    @Autowired FilingRepository filings;
    @Autowired FilingRegistry registry;
    @Autowired SubjectService subjects;
    @Autowired ProcessDriver driver;
    @Autowired JdbcClient jdbc;

    @Test
    void aWebsiteAndAnAppGetNumbersFromTheSubjectsOneSequence() {
        String identifier = TestData.packageName();
        FilingApplication app = TestData.withApps(TestData.enterprise(), List.of(TestData.androidAndIosApp("示例App", identifier)));
        String id = create(app);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        String number = TestData.newSubjectNumber();
        driver.driveToActive(id, number);

        assertThat(registry.websiteNumbers(id)).containsEntry(0, TestData.websiteNumber(number, 1));
        assertThat(registry.appNumbers(id)).containsEntry(0, number + "-2A");
        FilingView view = service.get("alice", id);
        assertThat(view.apps()).singleElement().satisfies(a -> {
            assertThat(a.icpNumber()).isEqualTo(number + "-2A");
            assertThat(a.platforms()).containsExactly("ANDROID", "IOS");
        });
        RegisteredApp filed = registry.findApp(number + "-2A").orElseThrow();
        assertThat(filed.platforms()).extracting(FilingRegistry.RegisteredPlatform::identifier).containsOnly(identifier);
        SubjectView subject = subjects.get("alice", number);
        assertThat(subject.apps()).singleElement().satisfies(a -> {
            assertThat(a.icpNumber()).isEqualTo(number + "-2A");
            assertThat(a.status()).isEqualTo(RegistryStatus.ACTIVE);
        });
        // the ACTIVE mail names both numbers
        assertThat(jdbc.sql("select body_text from mail_outbox where filing_id = ? and subject like ?").params(id, "%ACTIVE%")
                .query(String.class).single()).contains(number + "-1").contains(number + "-2A");

        // the next website of the subject continues the sequence after the app
        String next = create(new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", app.subject(), TestData.enterprise().websites(), null, null));
        driver.driveToActive(next, number);
        assertThat(registry.websiteNumbers(next)).containsEntry(0, TestData.websiteNumber(number, 3));
    }

    @Test
    void anAppAlreadyFiledIsReturnedAtItsPackageName() {
        String identifier = TestData.packageName();
        String id = create(TestData.withApps(TestData.enterprise(), List.of(TestData.app("一号App", identifier))));
        driver.driveToActive(id, TestData.newSubjectNumber());
        FilingApplication again = TestData.withApps(TestData.enterprise(), List.of(TestData.app("二号App", identifier)));
        String refused = create(again);
        assertThat(status(refused)).isEqualTo(FilingStatus.RETURNED);
        assertThat(filings.get(refused).reasons())
                .containsExactly(new Reason(ReasonCode.APP_ALREADY_FILED, "apps[0].platforms[0].packageName", identifier));
    }

    @Test
    void anAppOnlyFilingServedFromAbroadNeedsNoFiling() {
        App abroad = new App("海外App", Content.COMPANY, "ap-southeast-1", TestData.app("x", TestData.packageName()).platforms(), List.of());
        FilingApplication app = new FilingApplication(FilingType.NEW_FILING, "zh-CN", TestData.enterprise().subject(), List.of(),
                List.of(abroad), null, null);
        String id = create(app);
        assertThat(status(id)).isEqualTo(FilingStatus.NOT_REQUIRED);
        assertThat(filings.get(id).reasons()).extracting(Reason::code, Reason::field)
                .containsExactly(tuple(ReasonCode.SERVER_OUTSIDE_MAINLAND, "apps[0].serverRegion"));
    }

    @Test
    void anAppWithAFinanceNameNeedsTheFinancePreApproval() {
        App finance = TestData.app("理财助手", TestData.packageName());
        String id = create(TestData.withApps(TestData.enterprise(), List.of(finance)));
        assertThat(filings.get(id).reasons()).extracting(Reason::code, Reason::field)
                .containsExactly(tuple(ReasonCode.PRE_APPROVAL_REQUIRED, "apps[0].name"));
        App declared = new App(finance.name(), finance.content(), finance.serverRegion(), finance.platforms(), List.of(PreApprovalCategory.FINANCE));
        driver.resubmit("alice", id, TestData.withApps(filings.get(id).application(), List.of(declared)));
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void anAppChangeKeepsTheNumberAndChangesTheFeatureDataOnceSynced() {
        FilingApplication first = TestData.withApps(TestData.enterprise(), List.of(TestData.app("旧App", TestData.packageName())));
        String filed = create(first);
        String number = TestData.newSubjectNumber();
        driver.driveToActive(filed, number);
        String appNumber = number + "-2A";
        App renamed = TestData.app("新App", TestData.packageName());

        String id = create(TestData.change(FilingType.CHANGE_APP, first.subject(), appNumber, List.of(), List.of(renamed)));
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        driver.driveToApproved(id, appNumber);
        assertThat(registry.findApp(appNumber).orElseThrow().name()).isEqualTo("旧App");
        driver.notice(Type.FILING_SYNCED, id, null, null);

        assertThat(status(id)).isEqualTo(FilingStatus.ACTIVE);
        RegisteredApp after = registry.findApp(appNumber).orElseThrow();
        assertThat(after.name()).isEqualTo("新App");
        assertThat(after.platforms()).singleElement().satisfies(p -> {
            assertThat(p.identifier()).isEqualTo(renamed.platforms().get(0).packageName());
            assertThat(p.fingerprint()).isEqualTo(renamed.platforms().get(0).md5());
        });
        assertThat(service.get("alice", id).apps()).singleElement().satisfies(a -> assertThat(a.icpNumber()).isEqualTo(appNumber));
    }

    @Test
    void anAppCancellationReleasesItsPackageName() {
        String identifier = TestData.packageName();
        FilingApplication first = TestData.withApps(TestData.enterprise(), List.of(TestData.app("注销App", identifier)));
        String filed = create(first);
        String number = TestData.newSubjectNumber();
        driver.driveToActive(filed, number);

        // given the subject number, the subject's only app
        String id = create(TestData.cancellation(FilingType.CANCEL_APP, first.subject(), number));
        assertThat(filings.get(id).application().icpNumber()).isEqualTo(number + "-2A");
        driver.driveToApproved(id, number + "-2A");
        assertThat(status(id)).isEqualTo(FilingStatus.CANCELLED);
        assertThat(registry.findApp(number + "-2A").orElseThrow().status()).isEqualTo(RegistryStatus.CANCELLED);
        assertThat(registry.websitesOf(first.subject().idNumber())).allSatisfy(w -> assertThat(w.status()).isEqualTo(RegistryStatus.ACTIVE));

        String again = create(TestData.withApps(TestData.enterprise(), List.of(TestData.app("重新备案App", identifier))));
        assertThat(status(again)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void aSubjectWithTwoAppsNeedsTheAppsNumber() {
        FilingApplication two = TestData.withApps(TestData.enterprise(),
                List.of(TestData.app("甲App", TestData.packageName()), TestData.app("乙App", TestData.packageName())));
        String id = create(two);
        String number = TestData.newSubjectNumber();
        driver.driveToActive(id, number);
        assertThat(registry.appNumbers(id)).containsOnly(Map.entry(0, number + "-2A"), Map.entry(1, number + "-3A"));
        assertThatThrownBy(() -> create(TestData.cancellation(FilingType.CANCEL_APP, two.subject(), number)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(tuple("icpNumber", "APP_NUMBER_REQUIRED")));
    }

    private String create(FilingApplication app) {
        return driver.create("alice", app);
    }

    private FilingStatus status(String id) {
        return filings.get(id).status();
    }
}
