package io.icpflow.bench;

import io.icpflow.TestData;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingCase;
import io.icpflow.newfiling.NewFilingProcess;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.regulatorreview.RegulatorReviewProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Puts waiting filings straight where they wait, through the engine's API (start at an activity),
 * so that 100,000 of them do not take the run: each has its registry rows (the filing with its
 * application, its timeline up to now, its domains, the subject held) and the variables the API
 * path would have given it. Without the earlier stages' mails and history: the figures compare
 * what waiting costs, not what getting there left behind.
 */
final class Seeder {

    /** The bench applicants each own a handful of filings; the rest belong to other customers, as in production. */
    static final int APPLICANTS = 100;
    private static final int APPLICANT_FILINGS = 5;
    private static final int THREADS = Integer.getInteger("bench.seed-threads", 4);
    private static final int PER_TRANSACTION = 20;

    private final RuntimeService runtime;
    private final FilingRepository filings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Seeder(ConfigurableApplicationContext app) {
        this.runtime = app.getBean(ProcessEngine.class).getRuntimeService();
        this.filings = app.getBean(FilingRepository.class);
        this.jdbc = app.getBean(JdbcClient.class);
        this.transactions = app.getBean(TransactionTemplate.class);
    }

    /**
     * Filings in CA review, as after an API application, the reviewer's approval and MIIT's SMS check:
     * the filing process in its regulator-review call, that one waiting for the CA's decision with its
     * 20-business-day timer.
     */
    List<String> caReview(int from, int count) throws Exception {
        return inParallel(count, i -> {
            String id = filing(owner(from + i), FilingStatus.PROVIDER_REVIEW, FilingStatus.SMS_VERIFICATION, FilingStatus.CA_REVIEW);
            runtime.createProcessInstanceByKey(NewFilingProcess.KEY).businessKey(id)
                    .setVariables(variables(id))
                    .startBeforeActivity(NewFilingProcess.Elements.REGULATOR_REVIEW)
                    .execute();
            // the call passes the business key on; found through its index (a super-instance query scans on H2)
            ProcessInstance review = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
                    .processDefinitionKey(RegulatorReviewProcess.KEY).singleResult();
            // the submission's job is still uncommitted: moving on to the wait replaces it in the same transaction
            runtime.createProcessInstanceModification(review.getId())
                    .startBeforeActivity(RegulatorReviewProcess.Elements.WAIT_FOR_CA)
                    .cancelAllForActivity(RegulatorReviewProcess.Elements.SUBMIT_TO_CA)
                    .execute();
            return id;
        });
    }

    /**
     * Open reviews for the reviewers' Tasklist: the provider stage at its review task, with the form's
     * variables its listener reads from the filing and its one-business-day timer.
     */
    void openReviews(int count) throws Exception {
        inParallel(count, i -> {
            String id = filing("customer-review-" + i, FilingStatus.PROVIDER_REVIEW);
            runtime.createProcessInstanceByKey(ProviderStageProcess.KEY).businessKey(id)
                    .setVariables(variables(id))
                    .startBeforeActivity(ProviderStageProcess.Tasks.PROVIDER_REVIEW)
                    .execute();
            return id;
        });
    }

    /** The floor's instances at the same wait ({@code ca}, with its timer). */
    void floorCaReview(int count) throws Exception {
        inParallel(count, i -> runtime.createProcessInstanceByKey("floor").businessKey(UUID.randomUUID().toString())
                .startBeforeActivity("ca").execute().getId());
    }

    static String owner(int index) {
        return index < APPLICANTS * APPLICANT_FILINGS ? "bench-applicant-" + index % APPLICANTS : "customer-" + index / 3;
    }

    private String filing(String owner, FilingStatus... timeline) {
        String id = UUID.randomUUID().toString();
        FilingApplication application = TestData.enterprise();
        OffsetDateTime now = EngineClock.nowInChina();
        filings.insert(new Filing(id, owner, FilingType.NEW_FILING, FilingStatus.SUBMITTED, application.localeOrDefault(), null,
                application, List.of(), List.of(), now, now));
        for (FilingStatus status : timeline) {
            filings.updateStatus(id, status, now, false);
        }
        jdbc.sql("insert into subject_application (subject_id_number, owner, filing_id, verified) values (?, ?, ?, true)")
                .params(application.subject().idNumber(), owner, id).update();
        return id;
    }

    private static Map<String, Object> variables(String id) {
        return Map.of(
                FilingCase.FILING_ID.name(), id,
                NewFilingProcess.FILING_REQUIRED.name(), true,
                ProviderStageProcess.PRECHECK_OUTCOME.name(), ProviderStageProcess.PreCheckOutcome.PASSED.name(),
                ProviderStageProcess.PRECHECK_FINDINGS.name(), "registrar approved; expires in 365 days; real-name verified",
                ProviderStageProcess.REVIEW_DECISION.name(), ProviderStageProcess.ReviewDecision.APPROVE.name());
    }

    /** {@code count} seeds on {@link #THREADS} threads, {@link #PER_TRANSACTION} to a transaction. */
    private List<String> inParallel(int count, IntFunction<String> seed) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int first = next.getAndAdd(PER_TRANSACTION); first < count; first = next.getAndAdd(PER_TRANSACTION)) {
                    int from = first;
                    ids.addAll(transactions.execute(tx -> IntStream.range(from, Math.min(count, from + PER_TRANSACTION))
                            .mapToObj(seed).toList()));
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return ids;
    }
}
