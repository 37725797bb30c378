package io.icpflow;

import io.icpflow.calendar.EngineClock;
import io.icpflow.cloud.ServiceNumbers;
import io.icpflow.filing.MaterialRequirements;
import io.icpflow.materials.MaterialService;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingView;
import io.icpflow.providerstage.ProviderStageProcess.ReviewDecision;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.regulator.NoticeInbox;
import io.icpflow.regulator.NoticeOutcome;
import io.icpflow.regulator.RegulatorNotice;
import io.icpflow.verification.VerificationInbox;
import io.icpflow.verification.VerificationOutcome;
import io.icpflow.verification.VerificationResult;
import io.icpflow.verification.VerificationSession;
import io.icpflow.verification.VerificationSessions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves processes in engine tests the way time and the outside world would: executes jobs (async
 * steps, mail, timers), completes tasks, posts regulator notices through the real inbox.
 */
public class ProcessDriver {

    public static final String MAIL_DELIVERY = "mailDelivery";

    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final NoticeInbox inbox;
    private final JdbcClient jdbc;
    private final FilingService filings;
    private final FilingRepository repository;
    private final ServiceNumbers serviceNumbers;
    private final MaterialRequirements requirements;
    private final MaterialService materials;
    private final Map<String, String> samples = new java.util.concurrent.ConcurrentHashMap<>();

    private final VerificationInbox verificationInbox;
    private final VerificationSessions verificationSessions;

    public ProcessDriver(ProcessEngine engine, NoticeInbox inbox, JdbcClient jdbc, FilingService filings, FilingRepository repository,
                         ServiceNumbers serviceNumbers, MaterialRequirements requirements, MaterialService materials,
                         VerificationInbox verificationInbox, VerificationSessions verificationSessions) {
        this.verificationInbox = verificationInbox;
        this.verificationSessions = verificationSessions;
        this.requirements = requirements;
        this.materials = materials;
        this.engine = engine;
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
        this.tasks = engine.getTaskService();
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.filings = filings;
        this.repository = repository;
        this.serviceNumbers = serviceNumbers;
    }

    /**
     * Applies as a client of API.md does: first a service number for each website and app that has none;
     * then the principals pass identity verification, so the filing is where the pre-checks sent it.
     */
    public String create(String owner, FilingApplication app) {
        String id = createAwaitingVerification(owner, app);
        passVerification(id);
        return id;
    }

    /** As {@link #create}, but the principals have not verified yet: IDENTITY_VERIFICATION if the pre-checks passed. */
    public String createAwaitingVerification(String owner, FilingApplication app) {
        return filings.create(owner, provision(owner, app, null), null).view().id();
    }

    /** Resubmits with the service numbers the filing holds where the corrected application names none; the principals verify again. */
    public FilingView resubmit(String owner, String filingId, FilingApplication app) {
        filings.resubmit(owner, filingId, provision(owner, app, repository.get(filingId).application()));
        passVerification(filingId);
        return filings.get(owner, filingId);
    }

    /** If the filing waits for identity verification, each principal's open session passes (through the real inbox). */
    public void passVerification(String filingId) {
        if (status(filingId) != FilingStatus.IDENTITY_VERIFICATION) {
            return;
        }
        for (VerificationSession session : verificationSessions.round(filingId).latest()) {
            if (session.status() == VerificationSession.Status.PENDING) {
                assertThat(verification(session.id(), true, null).outcome()).isEqualTo(VerificationOutcome.Result.APPLIED);
            }
        }
        assertThat(status(filingId)).isNotEqualTo(FilingStatus.IDENTITY_VERIFICATION);
    }

    /** The verification service's result for a session, through the inbox the endpoint uses. */
    public VerificationOutcome verification(String sessionId, boolean passed, String reason) {
        return verificationInbox.receive(new VerificationResult("r-" + UUID.randomUUID(), sessionId, passed, reason));
    }

    /** The latest session of each principal in the filing's latest round. */
    public List<VerificationSession> verificationSessions(String filingId) {
        return verificationSessions.round(filingId).latest();
    }

    /** The application with a service number of the owner's for each website and app without one (the one it had before, if any). */
    public FilingApplication provision(String owner, FilingApplication app, FilingApplication before) {
        FilingApplication numbered = TestData.withServiceNumbers(app, (list, i) -> {
            if (before == null) {
                return null;
            }
            List<String> numbers = "websites".equals(list) ? before.websites().stream().map(Website::serviceNumber).toList()
                    : before.apps().stream().map(App::serviceNumber).toList();
            return i < numbers.size() ? numbers.get(i) : null;
        }, () -> newServiceNumber(owner));
        return withMaterials(owner, numbered);
    }

    /** The materials the checklist asks of the application, uploaded once per owner and kind and attached at their places. */
    public FilingApplication withMaterials(String owner, FilingApplication app) {
        if (app == null || app.type() == null || app.subject() == null || app.subject().province() == null) {
            return app;
        }
        List<TestData.Needed> needed = requirements.of(app, EngineClock.todayInChina()).stream()
                .map(r -> new TestData.Needed(r.place(), r.kind(), r.category())).toList();
        return TestData.withMaterials(app, needed, (kind, category) -> samples.computeIfAbsent(owner + "|" + kind + "|" + category,
                key -> materials.upload(owner, kind.name(), category, "sample", TestData.sample(kind)).id()));
    }

    /** A new service number from the first of the owner's resources that can still give one. */
    public String newServiceNumber(String owner) {
        String resource = serviceNumbers.resourcesOf(owner).stream().filter(r -> r.serviceNumbersLeft() > 0).findFirst()
                .orElseThrow(() -> new IllegalStateException(owner + " has no resource left to give a service number")).id();
        return serviceNumbers.issue(owner, resource).serviceNumber();
    }

    public ProcessEngine engine() {
        return engine;
    }

    /** The filing's own process instance (not the called sync-wait, not mail deliveries). */
    public ProcessInstance instance(String filingId, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(filingId)
                .processDefinitionKey(processKey).singleResult();
    }

    /** Executes the async continuations (not timers) of the processes with this business key. */
    public void runAsyncJobs(String businessKey) {
        for (Job job : asyncJobs(businessKey)) {
            management.executeJob(job.getId());
        }
    }

    public List<Job> asyncJobs(String businessKey) {
        Set<String> ids = instanceIds(businessKey);
        return ids.isEmpty() ? List.of() : management.createJobQuery().processInstanceIds(ids).messages().withRetriesLeft().list();
    }

    private Set<String> instanceIds(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    /** The timer waiting at {@code activityId} for this business key. */
    public Job timer(String businessKey, String activityId) {
        // one query per instance: 7.24's JobQuery mis-joins activityId with processInstanceIds
        Job job = instanceIds(businessKey).stream()
                .map(id -> management.createJobQuery().processInstanceId(id).timers().activityId(activityId).singleResult())
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        assertThat(job).as("timer at " + activityId).isNotNull();
        return job;
    }

    /** Runs the timer now, as if its time had come (API.md: POST /engine-rest/job/{id}/execute). */
    public void fire(String businessKey, String activityId) {
        management.executeJob(timer(businessKey, activityId).getId());
    }

    /** Where the (ended) instance of this process with this business key ended. */
    public String endActivity(String businessKey, String processKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(processKey).singleResult().getEndActivityId();
    }

    /** Has any instance of this process with this business key passed the activity? */
    public boolean passed(String businessKey, String processKey, String activityId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(processKey).list().stream()
                .anyMatch(p -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                        .activityId(activityId).finished().count() > 0);
    }

    public Task task(String businessKey, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    }

    public void complete(String businessKey, String taskKey, Map<String, Object> variables) {
        Task task = task(businessKey, taskKey);
        assertThat(task).as("open task " + taskKey).isNotNull();
        tasks.complete(task.getId(), variables);
    }

    /** The reviewer's decision as Tasklist's form sends it (API.md: reviewDecision, reviewReasons). */
    public static Map<String, Object> review(ReviewDecision decision, String reasons) {
        return Map.of(ProviderStageProcess.REVIEW_DECISION.name(), decision.name(), ProviderStageProcess.REVIEW_REASONS.name(), reasons);
    }

    /** The provider's reviewer approves the filing waiting for review. */
    public void approve(String filingId) {
        complete(filingId, ProviderStageProcess.Tasks.PROVIDER_REVIEW, review(ReviewDecision.APPROVE, ""));
    }

    /** The provider's reviewer returns it to the applicant. */
    public void returnToApplicant(String filingId, String reasons) {
        complete(filingId, ProviderStageProcess.Tasks.PROVIDER_REVIEW, review(ReviewDecision.RETURN, reasons));
    }

    /**
     * Approved by the reviewer, submitted to the CA and, where MIIT checks the type by SMS, verified:
     * the filing waits for the CA's decision.
     */
    public void driveToCaReview(String filingId) {
        approve(filingId);
        runAsyncJobs(filingId);
        if (status(filingId) == FilingStatus.SMS_VERIFICATION) {
            assertThat(notice(RegulatorNotice.Type.SMS_VERIFIED, filingId, null, null).outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
        }
        assertThat(status(filingId)).isEqualTo(FilingStatus.CA_REVIEW);
    }

    /** ... and approved by the CA with {@code icpNumber}: APPROVED, not yet synced (a cancellation ends here CANCELLED). */
    public void driveToApproved(String filingId, String icpNumber) {
        driveToCaReview(filingId);
        assertThat(notice(RegulatorNotice.Type.FILING_APPROVED, filingId, icpNumber, null).outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
    }

    /** ... and synced by MIIT: ACTIVE, its domains connectable. */
    public void driveToActive(String filingId, String icpNumber) {
        driveToApproved(filingId, icpNumber);
        assertThat(status(filingId)).isEqualTo(FilingStatus.APPROVED);
        assertThat(notice(RegulatorNotice.Type.FILING_SYNCED, filingId, null, null).outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
        assertThat(status(filingId)).isEqualTo(FilingStatus.ACTIVE);
    }

    public FilingStatus status(String filingId) {
        return FilingStatus.valueOf(jdbc.sql("select status from filing where id = ?").param(filingId).query(String.class).single());
    }

    public NoticeOutcome notice(RegulatorNotice.Type type, String filingId, String icpNumber, String reason) {
        return inbox.receive(new RegulatorNotice("n-" + UUID.randomUUID(), type, filingId, icpNumber, null, reason));
    }

    /** Sends every queued mail of this filing (runs the mail-delivery jobs); returns how many were queued. */
    public int deliverMails(String filingId) {
        List<String> outboxIds = jdbc.sql("select id from mail_outbox where filing_id = ?").param(filingId).query(String.class).list();
        for (String outboxId : outboxIds) {
            runAsyncJobs(outboxId);
        }
        return outboxIds.size();
    }

    public List<String> mailSubjects(String filingId) {
        return jdbc.sql("select subject from mail_outbox where filing_id = ? order by created_at, subject")
                .param(filingId).query(String.class).list();
    }

    public long mailsQueued(String filingId) {
        return jdbc.sql("select count(*) from mail_outbox where filing_id = ?").param(filingId).query(Long.class).single();
    }
}
