package io.icpflow.analytics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.analytics.StageDurations.Event;
import io.icpflow.analytics.Tallies.Cell;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.verification.SessionsMoved;
import io.icpflow.verification.VerificationSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The read model built from the product's tables: the timelines, the filings' statuses, the
 * verification sessions and the numbered websites and apps, read once in one pass each and tallied in
 * memory, then written in bulk. At start it runs when the rows follow an older {@link TallyStore#SCHEME}
 * (or none: the first start after the migration), before the job executor and the web server start, so
 * no status change runs beside it; a second node starting meanwhile waits on the state's lock and finds
 * the rows current. Nodes of a version without the read model must be stopped for the upgrade: they
 * would change statuses without counting them.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int FETCH = 10_000;

    private final TallyStore store;
    private final FilingTallies tallies;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    ReadModelRebuild(TallyStore store, FilingTallies tallies, JdbcTemplate shared, TransactionTemplate transactions, ObjectMapper json) {
        this.store = store;
        this.tallies = tallies;
        this.json = json;
        // its own template: the rows stream in batches rather than arriving all at once, and the shared one keeps its settings
        this.jdbc = new JdbcTemplate(shared.getDataSource());
        this.jdbc.setFetchSize(FETCH);
        this.transactions = transactions;
        transactions.executeWithoutResult(tx -> store.createState());
        transactions.executeWithoutResult(tx -> {
            if (store.lockScheme().orElse(0) != TallyStore.SCHEME) {
                build();
            }
        });
    }

    /**
     * Builds the read model again from the tables, whatever its scheme: after rows were written around
     * the product (the benchmark's bulk history). Status changes committing meanwhile are not counted
     * twice only if none run: call it on a quiet database.
     */
    public void rebuild() {
        transactions.executeWithoutResult(tx -> {
            store.lockScheme();
            build();
        });
    }

    private void build() {
        long started = System.nanoTime();
        Tallies all = new Tallies();
        jdbc.query("select created_at, type, status from filing", (RowCallbackHandler) rs ->
                all.count(FilingTallies.status(day(rs.getObject(1, OffsetDateTime.class)), FilingType.valueOf(rs.getString(2)),
                        FilingStatus.valueOf(rs.getString(3))), 1));
        Timelines timelines = new Timelines(all);
        jdbc.query("""
                select e.filing_id, f.type, f.province, f.created_at, e.at, e.status, e.reasons
                from filing_event e join filing f on f.id = e.filing_id order by e.filing_id, e.id""", timelines);
        timelines.flush();
        jdbc.query("select f.created_at, s.status, s.closed from verification_session s join filing f on f.id = s.filing_id",
                (RowCallbackHandler) rs -> all.count(Cell.of(day(rs.getObject(1, OffsetDateTime.class)), Measure.SESSION,
                        SessionsMoved.Outcome.of(VerificationSession.Status.valueOf(rs.getString(2)), rs.getBoolean(3)).name()), 1));
        numbered(all, "icp_website", FilingTallies.Numbered.WEBSITE);
        numbered(all, "icp_app", FilingTallies.Numbered.APP);
        store.replaceAll(all);
        store.built();
        log.info("analytics read model built: {} filings' timelines, {} rows, in {} ms", timelines.filings, all.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void numbered(Tallies all, String table, FilingTallies.Numbered what) {
        jdbc.query("select f.created_at from " + table + " n join filing f on f.id = n.filing_id", (RowCallbackHandler) rs ->
                all.count(Cell.of(day(rs.getObject(1, OffsetDateTime.class)), Measure.NUMBERED, what.name()), 1));
    }

    /** The codes of the reasons a timeline entry carries (its JSON as the filing held it). */
    private List<String> reasonCodes(Event event) {
        if (event.reasons() == null) {
            return List.of();
        }
        try {
            List<Map<String, Object>> reasons = json.readValue(event.reasons(), new TypeReference<>() { });
            return reasons.stream().map(r -> String.valueOf(r.get("code"))).toList();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable reasons of filing " + event.filingId(), e);
        }
    }

    private static LocalDate day(OffsetDateTime at) {
        return FilingTallies.createdOn(at);
    }

    /** The events of one filing after another, each filing's tallied when the next one's first event arrives. */
    private final class Timelines implements RowCallbackHandler {
        private final Tallies all;
        private final List<Event> timeline = new ArrayList<>();
        private LocalDate day;
        private long filings;

        Timelines(Tallies all) {
            this.all = all;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            String filing = rs.getString(1);
            if (!timeline.isEmpty() && !timeline.get(0).filingId().equals(filing)) {
                flush();
            }
            day = day(rs.getObject(4, OffsetDateTime.class));
            timeline.add(new Event(filing, FilingType.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(5, OffsetDateTime.class),
                    FilingStatus.valueOf(rs.getString(6)), rs.getString(7)));
        }

        void flush() {
            for (int i = 0; i < timeline.size(); i++) {
                tallies.entry(day, timeline, i, reasonCodes(timeline.get(i)), all);
            }
            filings += timeline.isEmpty() ? 0 : 1;
            timeline.clear();
        }
    }
}
