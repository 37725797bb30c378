package io.icpflow.filing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many filings there are of each type in each status (table {@code filing_count}), changed in the
 * transaction that creates a filing or changes its status: read by the metrics without scanning the
 * filings. A row per type and status exists from the start, so a change is one update of one row.
 */
@Component
public class FilingCounts {

    private final JdbcClient jdbc;

    FilingCounts(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        transactions.executeWithoutResult(tx -> {
            // one read at start; only a type or status new in this version is inserted
            Set<String> present = new HashSet<>(
                    jdbc.sql("select type || '|' || status from filing_count").query(String.class).list());
            for (FilingType type : FilingType.values()) {
                for (FilingStatus status : FilingStatus.values()) {
                    if (!present.contains(type.name() + "|" + status.name())) {
                        jdbc.sql("insert into filing_count (type, status, filings) values (?, ?, 0)").params(type.name(), status.name()).update();
                    }
                }
            }
        });
    }

    void add(FilingType type, FilingStatus status, int delta) {
        jdbc.sql("update filing_count set filings = filings + ? where type = ? and status = ?").params(delta, type.name(), status.name()).update();
    }

    /**
     * One filing moved from one status to another: both rows in one statement, whose one scan locks them
     * in the same order in every transaction, so two filings moving between the same two statuses in
     * opposite directions (returned, resubmitted) do not each hold one row and wait for the other.
     */
    void move(FilingType type, FilingStatus from, FilingStatus to) {
        if (from != to) {
            jdbc.sql("update filing_count set filings = filings + case when status = ? then -1 else 1 end where type = ? and status in (?, ?)")
                    .params(from.name(), type.name(), from.name(), to.name()).update();
        }
    }

    /** Type → status → filings, from the counts (a few hundred rows at most). */
    public Map<FilingType, Map<FilingStatus, Long>> all() {
        Map<FilingType, Map<FilingStatus, Long>> all = new EnumMap<>(FilingType.class);
        jdbc.sql("select type, status, filings from filing_count").query(rs -> {
            try {
                all.computeIfAbsent(FilingType.valueOf(rs.getString(1)), t -> new EnumMap<>(FilingStatus.class))
                        .put(FilingStatus.valueOf(rs.getString(2)), rs.getLong(3));
            } catch (IllegalArgumentException retired) {
                // a type or status this version no longer has
            }
        });
        return all;
    }
}
