package io.icpflow.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.registry.IcpNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Table {@code filing} and its timeline {@code filing_event}. Within a transaction a filing is read
 * from the table once: one {@code POST /api/filings} runs the status recorder, the need check, the
 * pre-checks and the review form, each of which needs the filing, so the transaction keeps the row it
 * read (and what it wrote to it) in {@link UnitOfWork}, as a persistence context would.
 */
@Repository
public class FilingRepository {

    public record TimelineEntry(OffsetDateTime at, FilingStatus status) {
    }

    private static final String COLUMNS = "id, owner, type, status, locale, icp_number, application_json, reasons_json, notices_json, created_at, updated_at, submitted_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final UnitOfWork<Filing> read = new UnitOfWork<>();

    private final FilingCounts counts;
    private final ApplicationEventPublisher events;

    public FilingRepository(JdbcClient jdbc, ObjectMapper json, FilingCounts counts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.counts = counts;
        this.events = events;
    }

    public void insert(Filing filing) {
        FilingApplication app = filing.application();
        jdbc.sql("""
                        insert into filing (id, owner, type, status, locale, subject_id_number, subject_name, province,
                                            contact_email, icp_number, application_json, reasons_json, notices_json, created_at, updated_at,
                                            submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(filing.id(), filing.owner(), filing.type().name(), filing.status().name(), filing.locale(),
                        app.subject().idNumber(), app.subject().name(), app.subject().province(),
                        app.subject().contact().email(), filing.icpNumber(), write(app), write(filing.reasons()),
                        write(filing.notices()), filing.createdAt(), filing.updatedAt(), filing.submittedAt())
                .update();
        insertDomains(filing.id(), app);
        counts.add(filing.type(), filing.status(), 1);
        read.put(filing.id(), filing);
        events.publishEvent(new FilingStatusWritten(filing, null));
    }

    private void insertDomains(String id, FilingApplication app) {
        app.websites().stream().flatMap(w -> w.domains().stream()).distinct().forEach(domain ->
                jdbc.sql("insert into filing_domain (filing_id, domain) values (?, ?)").params(id, domain).update());
    }

    /** Does this account name the domain in any of its filings? */
    public boolean ownerNamesDomain(String owner, String domain) {
        return jdbc.sql("select count(*) from filing_domain d join filing f on f.id = d.filing_id where f.owner = ? and d.domain = ?")
                .params(owner, domain).query(Long.class).single() > 0;
    }

    public Optional<Filing> find(String id) {
        Filing known = read.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Filing> found = jdbc.sql("select " + COLUMNS + " from filing where id = ?").param(id).query(this::map).optional();
        found.ifPresent(filing -> read.put(id, filing));
        return found;
    }

    public Filing get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no filing " + id));
    }

    public Optional<Filing> findOwned(String id, String owner) {
        return find(id).filter(filing -> filing.owner().equals(owner));
    }

    /** The owner's filings, newest first (ties by id, so pages never overlap), {@code limit} from {@code offset}. */
    public List<Filing> findByOwner(String owner, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from filing where owner = ? order by created_at desc, id offset ? rows fetch next ? rows only")
                .params(owner, offset, limit).query(this::map).list();
    }

    public long countByOwner(String owner) {
        return jdbc.sql("select count(*) from filing where owner = ?").param(owner).query(Long.class).single();
    }

    /**
     * The new status and its timeline entry, which carries the reasons the filing holds after the
     * change ({@code clearReasons}: none). Two statements, whatever the filing holds.
     */
    public void updateStatus(String id, FilingStatus status, OffsetDateTime at, boolean clearReasons) {
        Filing before = get(id);
        counts.move(before.type(), before.status(), status);
        if (clearReasons) {
            jdbc.sql("update filing set status = ?, updated_at = ?, reasons_json = ? where id = ?")
                    .params(status.name(), at, write(List.of()), id).update();
        } else {
            jdbc.sql("update filing set status = ?, updated_at = ? where id = ?").params(status.name(), at, id).update();
        }
        jdbc.sql("insert into filing_event (filing_id, at, status, reasons) select id, ?, status, reasons_json from filing where id = ?")
                .params(at, id)
                .update();
        read.update(id, filing -> filing.withStatus(status, at, clearReasons));
        events.publishEvent(new FilingStatusWritten(get(id), before.status()));
    }

    public void updateReasons(String id, List<Reason> reasons) {
        jdbc.sql("update filing set reasons_json = ? where id = ?").params(write(reasons), id).update();
        read.update(id, filing -> filing.withReasonsAndNotices(reasons, filing.notices()));
    }

    /** The pre-check's outcome for the applicant: failures as reasons, and notices. */
    public void updateReasonsAndNotices(String id, List<Reason> reasons, List<Reason> notices) {
        jdbc.sql("update filing set reasons_json = ?, notices_json = ? where id = ?").params(write(reasons), write(notices), id).update();
        read.update(id, filing -> filing.withReasonsAndNotices(reasons, notices));
    }

    public void updateNotices(String id, List<Reason> notices) {
        jdbc.sql("update filing set notices_json = ? where id = ?").params(write(notices), id).update();
        read.update(id, filing -> filing.withReasonsAndNotices(filing.reasons(), notices));
    }

    /** A change of the application that is no resubmission (a website moved region): its rules' day stays. */
    public void updateApplication(String id, FilingApplication app, OffsetDateTime at) {
        updateApplication(id, app, at, false);
    }

    /** The corrected application: from now on the rules of {@code at}'s day apply to it. */
    public void resubmitted(String id, FilingApplication app, OffsetDateTime at) {
        updateApplication(id, app, at, true);
    }

    private void updateApplication(String id, FilingApplication app, OffsetDateTime at, boolean resubmitted) {
        jdbc.sql("update filing set application_json = ?, subject_name = ?, province = ?, contact_email = ?, locale = ?, updated_at = ?,"
                        + " submitted_at = case when ? then ? else submitted_at end where id = ?")
                .params(write(app), app.subject().name(), app.subject().province(), app.subject().contact().email(),
                        app.localeOrDefault(), at, resubmitted, at, id)
                .update();
        jdbc.sql("delete from filing_domain where filing_id = ?").param(id).update();
        insertDomains(id, app);
        read.update(id, filing -> filing.withApplication(app, at, resubmitted));
    }

    /** Open cancellations of this number other than {@code exceptId}. */
    public List<String> openCancellationsOf(String icpNumber, String exceptId) {
        return jdbc.sql("""
                        select id from filing
                        where icp_number = :number and id <> :except and type in (:types) and status not in (:final)""")
                .param("number", icpNumber).param("except", exceptId)
                .param("types", names(FilingType.values(), FilingType::isCancellation))
                .param("final", names(FilingStatus.values(), FilingStatus::isFinal))
                .query(String.class).list();
    }

    /**
     * The filing approved under this number and waiting for MIIT's sync, latest first: a new filing holds
     * its subject's number, a transfer the kept one, a change the number it changes.
     */
    public Optional<String> awaitingSyncUnder(String icpNumber) {
        return jdbc.sql("select id from filing where icp_number in (:numbers) and status = :approved order by updated_at desc")
                .param("numbers", List.of(icpNumber, IcpNumber.subjectNumberOf(icpNumber)))
                .param("approved", FilingStatus.APPROVED.name())
                .query(String.class).list().stream().findFirst();
    }

    public void updateIcpNumber(String id, String icpNumber) {
        jdbc.sql("update filing set icp_number = ? where id = ?").params(icpNumber, id).update();
        read.update(id, filing -> filing.withIcpNumber(icpNumber));
    }

    public List<TimelineEntry> timeline(String id) {
        return timelines(List.of(id)).getOrDefault(id, List.of());
    }

    /** The timelines of these filings, in one query (a page of filings). */
    public Map<String, List<TimelineEntry>> timelines(Collection<String> ids) {
        Map<String, List<TimelineEntry>> timelines = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select filing_id, at, status from filing_event where filing_id in (:ids) order by filing_id, id")
                    .param("ids", ids)
                    .query(rs -> {
                        timelines.computeIfAbsent(rs.getString(1), f -> new ArrayList<>())
                                .add(new TimelineEntry(rs.getObject(2, OffsetDateTime.class), FilingStatus.valueOf(rs.getString(3))));
                    });
        }
        return timelines;
    }

    /** Returned and CA-rejected reasons of earlier rounds, for the reviewer's form. */
    public List<String> earlierReturns(String id) {
        return jdbc.sql("select at, status, reasons from filing_event where filing_id = :id and status in (:returned) order by id")
                .param("id", id).param("returned", names(FilingStatus.values(), FilingStatus::acceptsResubmission))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toLocalDate() + " " + rs.getString(2) + " " + rs.getString(3))
                .list();
    }

    /** The names of the constants that have the property, for an SQL {@code in (:list)}. */
    private static <E extends Enum<E>> List<String> names(E[] values, Predicate<E> property) {
        return Arrays.stream(values).filter(property).map(Enum::name).toList();
    }

    private Filing map(ResultSet rs, int row) throws SQLException {
        return new Filing(
                rs.getString("id"),
                rs.getString("owner"),
                FilingType.valueOf(rs.getString("type")),
                FilingStatus.valueOf(rs.getString("status")),
                rs.getString("locale"),
                rs.getString("icp_number"),
                read(rs.getString("application_json"), new TypeReference<>() { }),
                read(rs.getString("reasons_json"), new TypeReference<>() { }),
                read(rs.getString("notices_json"), new TypeReference<>() { }),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("submitted_at", OffsetDateTime.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
