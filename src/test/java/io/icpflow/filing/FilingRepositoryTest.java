package io.icpflow.filing;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.calendar.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A transaction reads a filing once and sees its own writes; another transaction reads the table. */
@EngineTest
class FilingRepositoryTest {

    @Autowired FilingRepository filings;
    @Autowired FilingService service;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessDriver driver;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aTransactionReadsTheRowOnceAndSeesItsOwnWrites() {
        String id = insert();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            assertThat(filings.get(id).status()).isEqualTo(FilingStatus.SUBMITTED);
            // a write past the repository is not read again inside this transaction: the row was read once
            jdbc.sql("update filing set locale = 'en' where id = ?").param(id).update();
            assertThat(filings.get(id).locale()).isEqualTo("zh-CN");
            // its own writes through the repository are what it reads next
            filings.updateStatus(id, FilingStatus.RETURNED, EngineClock.nowInChina(), false);
            filings.updateReasons(id, List.of(Reason.of(ReasonCode.RETURNED_BY_REVIEWER)));
            Filing now = filings.get(id);
            assertThat(now.status()).isEqualTo(FilingStatus.RETURNED);
            assertThat(now.reasons()).extracting(Reason::code).containsExactly(ReasonCode.RETURNED_BY_REVIEWER);
            assertThat(filings.findOwned(id, "alice")).isPresent();
            assertThat(filings.findOwned(id, "bob")).isEmpty();
            // an inner transaction of its own reads the table (the committed row), not the outer one's rows
            TransactionTemplate inner = new TransactionTemplate(transactions);
            inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            inner.executeWithoutResult(t -> assertThat(filings.get(id).status()).isEqualTo(FilingStatus.SUBMITTED));
            // and the outer one has its rows back
            assertThat(filings.get(id).status()).isEqualTo(FilingStatus.RETURNED);
            assertThat(filings.get(id).locale()).isEqualTo("zh-CN");
        });
        // after the transaction, the table
        Filing after = filings.get(id);
        assertThat(after.locale()).isEqualTo("en");
        assertThat(after.status()).isEqualTo(FilingStatus.RETURNED);
    }

    /** POST /api/filings: the insert is the transaction's read; the process's first steps change that row, not the table's. */
    @Test
    void aNewFilingsFirstStepsWorkOnTheRowItsInsertKept() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            String id = driver.create("alice", TestData.enterprise());
            // the status recorder, the need check, the pre-checks and the review form ran on the kept row
            assertThat(filings.get(id).status()).isEqualTo(FilingStatus.PROVIDER_REVIEW);
            jdbc.sql("update filing set status = 'CLOSED' where id = ?").param(id).update();
            assertThat(filings.get(id).status()).isEqualTo(FilingStatus.PROVIDER_REVIEW);
            tx.setRollbackOnly();
        });
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        String id = insert();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            filings.updateStatus(id, FilingStatus.CLOSED, EngineClock.nowInChina(), true);
            assertThat(filings.get(id).status()).isEqualTo(FilingStatus.CLOSED);
            tx.setRollbackOnly();
        });
        assertThat(filings.get(id).status()).isEqualTo(FilingStatus.SUBMITTED);
        new TransactionTemplate(transactions).executeWithoutResult(tx ->
                assertThat(filings.get(id).status()).isEqualTo(FilingStatus.SUBMITTED));
    }

    private String insert() {
        String id = UUID.randomUUID().toString();
        FilingApplication app = TestData.enterprise();
        OffsetDateTime now = EngineClock.nowInChina();
        filings.insert(new Filing(id, "alice", app.type(), FilingStatus.SUBMITTED, "zh-CN", null, app, List.of(), List.of(), now, now));
        return id;
    }
}
