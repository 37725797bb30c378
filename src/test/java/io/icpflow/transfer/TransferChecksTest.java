package io.icpflow.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.TestData;
import io.icpflow.filing.DomainRegistrationChecks;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.FilingChecks.Result;
import io.icpflow.providerstage.ProviderStageProcess.PreCheckOutcome;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.Provinces;
import io.icpflow.registry.Facts;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.rules.ApprovedSuffixes;
import io.icpflow.rules.RuleBook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The pre-checks of a transfer-in, each on its own: the domains' filing at MIIT against the number and subject given. */
class TransferChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String SUBJECT = "迁入科技有限公司";
    private static final String NUMBER = "粤ICP备2020000011号";
    private static final String OTHER = "other-cloud";

    private final DomainNames domainNames = new DomainNames();
    private final FilingRegistry registry = mock(FilingRegistry.class);
    private final Facts facts = new Facts(TODAY);

    @Test
    void aPartialTransferOfDomainsFiledUnderTheNumberPassesWithANotice() {
        facts.with("a-site.cn", SUBJECT).filed(NUMBER + "-1", SUBJECT, OTHER).done()
                .with("b-site.cn", SUBJECT).filed(NUMBER + "-2", SUBJECT, OTHER).done()
                .filedUnder(NUMBER, "a-site.cn", "b-site.cn");
        Result result = run(TestData.transfer(SUBJECT, NUMBER, "a-site.cn"));
        assertThat(result.outcome()).isEqualTo(PreCheckOutcome.PASSED);
        assertThat(result.notices()).extracting(Reason::code, Reason::field).containsExactly(tuple(ReasonCode.PARTIAL_TRANSFER, "icpNumber"));
        assertThat(result.findings()).anySatisfy(f -> assertThat(f).contains("filed at MIIT as " + NUMBER + "-1 through " + OTHER));
    }

    @Test
    void transferringEveryDomainLeavesAnEmptyShell() {
        facts.with("a-site.cn", SUBJECT).filed(NUMBER + "-1", SUBJECT, OTHER).done().filedUnder(NUMBER, "a-site.cn");
        Result result = run(TestData.transfer(SUBJECT, NUMBER, "a-site.cn"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.notices()).extracting(Reason::code).containsExactly(ReasonCode.EMPTY_SHELL_AFTER_TRANSFER);
    }

    @Test
    void aDomainNotFiledUnderTheNumberOrByAnotherSubjectIsRefused() {
        facts.with("unfiled.cn", SUBJECT).done()
                .with("other-number.cn", SUBJECT).filed("粤ICP备2020009999号-1", SUBJECT, OTHER).done()
                .with("other-holder.cn", SUBJECT).filed(NUMBER + "-3", "另一家有限公司", OTHER).done();
        Result result = run(TestData.transfer(SUBJECT, NUMBER, "unfiled.cn", "other-number.cn", "other-holder.cn"));
        assertThat(result.outcome()).isEqualTo(PreCheckOutcome.FAILED);
        assertThat(result.failures()).extracting(Reason::code, Reason::field).containsExactly(
                tuple(ReasonCode.TRANSFER_NOT_FOUND, "websites[0].domains[0]"),
                tuple(ReasonCode.TRANSFER_NOT_FOUND, "websites[0].domains[1]"),
                tuple(ReasonCode.TRANSFER_SUBJECT_MISMATCH, "websites[0].domains[2]"));
    }

    /** New .org filings are closed since 2018-01-01; a filing made before keeps its .org domain when it moves to us. */
    @Test
    void anOrgDomainFiledBeforeIsTransferredButASuffixOnNoListIsNot() {
        facts.with("example.org", SUBJECT).filed(NUMBER + "-1", SUBJECT, OTHER).done()
                .with("example.me", SUBJECT).filed(NUMBER + "-2", SUBJECT, OTHER).done();
        assertThat(run(TestData.transfer(SUBJECT, NUMBER, "example.org")).failures()).isEmpty();
        assertThat(run(TestData.transfer(SUBJECT, NUMBER, "example.me")).failures()).extracting(Reason::code)
                .containsExactly(ReasonCode.TLD_NOT_APPROVED);
    }

    @Test
    void aDomainAlreadyWithUsIsNoTransfer() {
        facts.with("ours.cn", SUBJECT).filed(NUMBER + "-1", SUBJECT, null).done();
        assertThat(run(TestData.transfer(SUBJECT, NUMBER, "ours.cn")).failures()).extracting(Reason::code)
                .containsExactly(ReasonCode.ALREADY_FILED);
    }

    @Test
    void theDomainMustStillBeProperlyRegisteredAndTheSubjectNotAnotherAccounts() {
        facts.with("expired.cn", SUBJECT).filed(NUMBER + "-1", SUBJECT, OTHER).expiresOn(TODAY.minusDays(1)).done();
        FilingApplication app = TestData.transfer(SUBJECT, NUMBER, "expired.cn");
        when(registry.findSubject(app.subject().idNumber())).thenReturn(Optional.of(new RegisteredSubject(app.subject().idNumber(),
                "bob", "ENTERPRISE", SUBJECT, "GD", NUMBER, RegistryStatus.ACTIVE)));
        assertThat(run(app).failures()).extracting(Reason::code, Reason::field).containsExactlyInAnyOrder(
                tuple(ReasonCode.SUBJECT_EXISTS_ELSEWHERE, "subject.idNumber"),
                tuple(ReasonCode.DOMAIN_EXPIRED, "websites[0].domains[0]"));
    }

    private Result run(FilingApplication app) {
        TransferChecks checks = new TransferChecks(facts, registry, domainNames, new DomainRegistrationChecks(domainNames),
                new ApprovedSuffixes(new RuleBook(new ObjectMapper().findAndRegisterModules(), new Provinces(new ObjectMapper()), domainNames),
                        domainNames));
        assertThat(checks.appliesTo(app.type())).isTrue();
        OffsetDateTime now = OffsetDateTime.now();
        return checks.run(new Filing("t1", "alice", app.type(), FilingStatus.SUBMITTED, "zh-CN", null, app, List.of(), List.of(), now, now),
                TODAY);
    }
}
