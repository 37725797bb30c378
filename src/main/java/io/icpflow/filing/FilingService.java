package io.icpflow.filing;


import io.icpflow.calendar.EngineClock;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import io.icpflow.web.Paging;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an applicant can do with a filing. Each method is one transaction: the filing row, the
 * process and its first steps (need check, pre-checks) commit together or not at all.
 */
@Service
public class FilingService {

    public record Created(FilingView view) {
    }

    private final ApplicationValidator validator;
    private final FilingRepository filings;
    private final SubjectLocks locks;
    private final RuntimeService runtime;
    private final FilingViews views;
    private final JdbcClient jdbc;
    private final FilingFamilies families;
    private final WebsiteNumbers websiteNumbers;

    FilingService(ApplicationValidator validator, FilingRepository filings, SubjectLocks locks, RuntimeService runtime,
                  FilingViews views, JdbcClient jdbc, FilingFamilies families, WebsiteNumbers websiteNumbers) {
        this.families = families;
        this.websiteNumbers = websiteNumbers;
        this.validator = validator;
        this.filings = filings;
        this.locks = locks;
        this.runtime = runtime;
        this.views = views;
        this.jdbc = jdbc;
    }

    @Transactional
    public Created create(String owner, FilingApplication body, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<String> earlier = filingForKey(owner, idempotencyKey);
            if (earlier.isPresent()) {
                return new Created(views.of(filings.get(earlier.get())));
            }
        }
        FilingApplication application = websiteNumbers.resolve(owner, validator.validate(body));
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = EngineClock.nowInChina();
        if (idempotencyKey != null) {
            // first, so that the same key racing in fails here (and gets the first answer), not on the subject
            jdbc.sql("insert into idempotency_key (owner, idem_key, filing_id, created_at) values (?, ?, ?, ?)")
                    .params(owner, idempotencyKey, id, now).update();
        }
        if (application.type().holdsTheSubject()) {
            locks.acquire(application.subject().idNumber(), owner, id);
        }
        // a cancellation or a change names its number from the start; other types get theirs from MIIT's approval
        String icpNumber = application.type().isCancellation() || application.type().isChange() ? application.icpNumber() : null;
        filings.insert(new Filing(id, owner, application.type(), FilingStatus.SUBMITTED, application.localeOrDefault(),
                icpNumber, application, List.of(), List.of(), now, now));
        FilingFamily family = families.of(application.type());
        runtime.startProcessInstanceByKey(family.processKey(), id, Map.of(FilingCase.FILING_ID.name(), id));
        return new Created(views.of(filings.get(id)));
    }

    @Transactional(readOnly = true)
    public FilingView get(String owner, String id) {
        return views.of(owned(owner, id));
    }

    @Transactional(readOnly = true)
    public FilingApplication application(String owner, String id) {
        return owned(owner, id).application();
    }

    /** What happens next for the owner's filing, in the language asked for. */
    public String nextStep(String owner, String id, Locale locale) {
        return views.nextStep(owned(owner, id), locale);
    }

    public record Listed(List<FilingView> items, long total) {
    }

    @Transactional(readOnly = true)
    public Listed list(String owner, Paging paging) {
        return new Listed(views.of(filings.findByOwner(owner, paging.offset(), paging.size())),
                filings.countByOwner(owner));
    }

    @Transactional
    public FilingView resubmit(String owner, String id, FilingApplication body) {
        Filing filing = owned(owner, id);
        if (!filing.status().acceptsResubmission()) {
            throw ApiException.conflict("NOT_RESUBMITTABLE",
                    "A filing can be resubmitted only when RETURNED or CA_REJECTED; this one is " + filing.status());
        }
        FilingApplication application = websiteNumbers.resolve(owner, validator.validate(body));
        if (application.type() != filing.type()) {
            throw ApiException.invalid(List.of(new FieldProblem("type", "IMMUTABLE", "must stay " + filing.type())));
        }
        if (!application.subject().idNumber().equals(filing.subjectIdNumber())) {
            throw ApiException.invalid(List.of(new FieldProblem("subject.idNumber", "IMMUTABLE",
                    "a resubmission keeps the subject; withdraw and apply again for another subject")));
        }
        filings.resubmitted(id, application, EngineClock.nowInChina());
        runtime.createMessageCorrelation(FilingCase.Messages.RESUBMITTED).processInstanceBusinessKey(id).correlateWithResult();
        return views.of(filings.get(id));
    }

    @Transactional
    public FilingView withdraw(String owner, String id) {
        Filing filing = owned(owner, id);
        if (!filing.status().acceptsWithdrawal()) {
            throw ApiException.conflict("NOT_WITHDRAWABLE",
                    "A filing can be withdrawn only before the communications administration has it; this one is " + filing.status());
        }
        runtime.createMessageCorrelation(FilingCase.Messages.WITHDRAWAL_REQUESTED).processInstanceBusinessKey(id).correlateWithResult();
        return views.of(filings.get(id));
    }

    private Filing owned(String owner, String id) {
        return filings.findOwned(id, owner).orElseThrow(() -> ApiException.notFound("Filing " + id));
    }

    private Optional<String> filingForKey(String owner, String key) {
        return jdbc.sql("select filing_id from idempotency_key where owner = ? and idem_key = ?")
                .params(owner, key).query(String.class).optional();
    }
}
