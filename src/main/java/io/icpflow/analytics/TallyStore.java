package io.icpflow.analytics;

import io.icpflow.analytics.Tallies.Cell;
import io.icpflow.analytics.Tallies.Tally;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import java.sql.DatabaseMetaData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Table {@code analytics_tally} and its scheme in {@code analytics_state}. */
@Component
class TallyStore {

    /** The tallies' scheme: raise it when a measure, a key or the {@link DurationBins} change, and the next start rebuilds them. */
    static final int SCHEME = 1;

    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final boolean postgres;

    TallyStore(JdbcClient jdbc, JdbcTemplate batches) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.batches = batches;
        this.postgres = JdbcUtils.extractDatabaseMetaData(batches.getDataSource(), DatabaseMetaData::getDatabaseProductName)
                .toLowerCase().contains("postgres");
    }

    /** Adds the changes to their rows, creating the rows a change is the first of: on PostgreSQL one statement for all of them. */
    void add(Tallies changes) {
        if (!postgres) {
            changes.forEach(this::addOnH2);
            return;
        }
        List<Object> values = new ArrayList<>();
        changes.forEach((cell, tally) -> values.addAll(List.of(cell.createdOn(), cell.measure().name(), cell.key1(), cell.key2(), cell.bucket(),
                tally.count(), tally.amount())));
        if (values.isEmpty()) {
            return;
        }
        String rows = String.join(", ", Collections.nCopies(values.size() / 7, "(?, ?, ?, ?, ?, ?, ?)"));
        jdbc.sql("insert into analytics_tally (created_on, measure, key1, key2, bucket, tally, amount) values " + rows + """
                         on conflict (created_on, measure, key1, key2, bucket)
                         do update set tally = analytics_tally.tally + excluded.tally, amount = analytics_tally.amount + excluded.amount""")
                .params(values).update();
    }

    private void addOnH2(Cell cell, Tally tally) {
        // H2 has no upsert that adds; a failed insert there undoes only itself, so the row's first writer racing another retries the update
        if (update(cell, tally) == 0) {
            try {
                jdbc.sql("insert into analytics_tally (created_on, measure, key1, key2, bucket, tally, amount) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(cell.createdOn(), cell.measure().name(), cell.key1(), cell.key2(), cell.bucket(), tally.count(), tally.amount())
                        .update();
            } catch (DuplicateKeyException raced) {
                update(cell, tally);
            }
        }
    }

    private int update(Cell cell, Tally tally) {
        return jdbc.sql("""
                        update analytics_tally set tally = tally + ?, amount = amount + ?
                        where created_on = ? and measure = ? and key1 = ? and key2 = ? and bucket = ?""")
                .params(tally.count(), tally.amount(), cell.createdOn(), cell.measure().name(), cell.key1(), cell.key2(), cell.bucket())
                .update();
    }

    /** The rows of the days {@code from..to}, summed per measure, keys and bin: a few thousand at most, whatever the filings. */
    Map<Cell, Tally> sum(LocalDate from, LocalDate to) {
        Map<Cell, Tally> sums = new HashMap<>();
        jdbc.sql("""
                        select measure, key1, key2, bucket, sum(tally), sum(amount) from analytics_tally
                        where created_on >= ? and created_on <= ? group by measure, key1, key2, bucket""")
                .params(from, to)
                .query(rs -> {
                    sums.put(new Cell(null, Measure.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4)),
                            new Tally(rs.getLong(5), rs.getDouble(6)));
                });
        return sums;
    }

    /** Replaces every row (a rebuild, under {@link #lockScheme()}). */
    void replaceAll(Tallies all) {
        jdbc.sql("delete from analytics_tally").update();
        List<Object[]> rows = new ArrayList<>();
        all.forEach((cell, tally) -> rows.add(new Object[] {cell.createdOn(), cell.measure().name(), cell.key1(), cell.key2(), cell.bucket(),
                tally.count(), tally.amount()}));
        for (int first = 0; first < rows.size(); first += BATCH) {
            batches.batchUpdate("insert into analytics_tally (created_on, measure, key1, key2, bucket, tally, amount) values (?, ?, ?, ?, ?, ?, ?)",
                    rows.subList(first, Math.min(rows.size(), first + BATCH)));
        }
    }

    /** The state's row, before the transaction that locks it: two nodes starting at once both find it, and one of them made it. */
    void createState() {
        if (postgres) {
            jdbc.sql("insert into analytics_state (id, scheme, built_at) values (1, 0, ?) on conflict (id) do nothing").param(OffsetDateTime.now())
                    .update();
        } else if (jdbc.sql("select count(*) from analytics_state where id = 1").query(Long.class).single() == 0) {
            try {
                jdbc.sql("insert into analytics_state (id, scheme, built_at) values (1, 0, ?)").param(OffsetDateTime.now()).update();
            } catch (DuplicateKeyException anotherNode) {
                // made meanwhile
            }
        }
    }

    /** The scheme the rows follow, locked until the transaction ends: a second node waits for the first one's rebuild. */
    Optional<Integer> lockScheme() {
        return jdbc.sql("select scheme from analytics_state where id = 1 for update").query(Integer.class).optional();
    }

    void built() {
        jdbc.sql("update analytics_state set scheme = ?, built_at = ? where id = 1").params(SCHEME, OffsetDateTime.now()).update();
    }
}
