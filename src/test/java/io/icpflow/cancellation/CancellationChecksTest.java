package io.icpflow.cancellation;

import io.icpflow.TestData;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.FilingChecks.Result;
import io.icpflow.providerstage.ProviderStageProcess.PreCheckOutcome;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.RegistryStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What a provider checks before it asks the CA to cancel, each rule on its own (registry and open filings stubbed). */
class CancellationChecksTest {

    private static final String SUBJECT_NUMBER = "浙ICP备2026000777号";
    private static final String WEBSITE_1 = TestData.websiteNumber(SUBJECT_NUMBER, 1);
    private static final String WEBSITE_2 = TestData.websiteNumber(SUBJECT_NUMBER, 2);

    private final FilingRegistry registry = mock(FilingRegistry.class);
    private final FilingRepository filings = mock(FilingRepository.class);
    private final Subject subject = TestData.enterprise().subject();

    @BeforeEach
    void aSubjectWithTwoWebsitesOfAlice() {
        when(registry.findSubjectByNumber(SUBJECT_NUMBER)).thenReturn(Optional.of(new RegisteredSubject(subject.idNumber(), "alice",
                "ENTERPRISE", subject.name(), "ZJ", SUBJECT_NUMBER, RegistryStatus.ACTIVE)));
        RegisteredWebsite one = website(WEBSITE_1, "one.cn", RegistryStatus.ACTIVE);
        RegisteredWebsite two = website(WEBSITE_2, "two.cn", RegistryStatus.ACTIVE);
        when(registry.findWebsite(WEBSITE_1)).thenReturn(Optional.of(one));
        when(registry.findWebsite(WEBSITE_2)).thenReturn(Optional.of(two));
        when(registry.activeWebsitesOf(subject.idNumber())).thenReturn(List.of(one, two));
        when(filings.openCancellationsOf(anyString(), anyString())).thenReturn(List.of());
    }

    @Test
    void cancellingAnActiveWebsiteOfTheSubjectPasses() {
        Result result = run("alice", TestData.cancellation(FilingType.CANCEL_WEBSITE, subject, WEBSITE_1));
        assertThat(result.outcome()).isEqualTo(PreCheckOutcome.PASSED);
        assertThat(result.findings()).anySatisfy(f -> assertThat(f).contains(WEBSITE_1).contains("one.cn"));
    }

    @Test
    void aNumberOfAnotherAccountOrSubjectOrNoLongerActiveIsNotOurs() {
        assertThat(codes(run("bob", TestData.cancellation(FilingType.CANCEL_ACCESS, subject, WEBSITE_1))))
                .containsExactly(tuple(ReasonCode.NUMBER_NOT_OURS, "icpNumber"));
        Subject another = TestData.enterprise().subject();
        assertThat(codes(run("alice", TestData.cancellation(FilingType.CANCEL_WEBSITE, another, WEBSITE_1))))
                .containsExactly(tuple(ReasonCode.NUMBER_NOT_OURS, "icpNumber"));
        when(registry.findWebsite(WEBSITE_1)).thenReturn(Optional.of(website(WEBSITE_1, "one.cn", RegistryStatus.CANCELLED)));
        assertThat(codes(run("alice", TestData.cancellation(FilingType.CANCEL_WEBSITE, subject, WEBSITE_1))))
                .containsExactly(tuple(ReasonCode.NUMBER_NOT_OURS, "icpNumber"));
    }

    @Test
    void aSubjectIsCancelledOnlyWithAllItsWebsites() {
        assertThat(codes(run("alice", TestData.cancellation(FilingType.CANCEL_SUBJECT, subject, SUBJECT_NUMBER, "one.cn"))))
                .containsExactly(tuple(ReasonCode.WEBSITES_STILL_ACCESSED, "websites"));
        assertThat(run("alice", TestData.cancellation(FilingType.CANCEL_SUBJECT, subject, SUBJECT_NUMBER, "one.cn", "two.cn"))
                .failures()).isEmpty();
        // a website whose own cancellation is running counts as covered
        when(filings.openCancellationsOf(WEBSITE_2, "c1")).thenReturn(List.of("c0"));
        assertThat(run("alice", TestData.cancellation(FilingType.CANCEL_SUBJECT, subject, SUBJECT_NUMBER, "one.cn")).failures()).isEmpty();
    }

    @Test
    void oneCancellationOfANumberAtATime() {
        when(filings.openCancellationsOf(WEBSITE_1, "c1")).thenReturn(List.of("c0"));
        assertThat(codes(run("alice", TestData.cancellation(FilingType.CANCEL_WEBSITE, subject, WEBSITE_1))))
                .containsExactly(tuple(ReasonCode.CANCELLATION_IN_PROGRESS, "icpNumber"));
    }

    private RegisteredWebsite website(String number, String domain, RegistryStatus status) {
        return new RegisteredWebsite(number, subject.idNumber(), "alice", "f0", 0, "网站", "cn-hangzhou", "COMPANY", status, List.of(domain));
    }

    private Result run(String owner, FilingApplication app) {
        CancellationChecks checks = new CancellationChecks(registry, filings);
        assertThat(checks.appliesTo(app.type())).isTrue();
        OffsetDateTime now = OffsetDateTime.now();
        return checks.run(new Filing("c1", owner, app.type(), FilingStatus.SUBMITTED, "zh-CN", app.icpNumber(), app, List.of(), List.of(),
                now, now), LocalDate.of(2026, 12, 1));
    }

    private static List<org.assertj.core.groups.Tuple> codes(Result result) {
        assertThat(result.outcome()).isEqualTo(PreCheckOutcome.FAILED);
        return result.failures().stream().map(r -> tuple(r.code(), r.field())).toList();
    }
}
