package io.icpflow.filing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumMap;
import java.util.Map;

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
            for (FilingType type : FilingType.values()) {
                for (FilingStatus status : FilingStatus.values()) {
                    jdbc.sql("""
                                    insert into filing_count (type, status, filings)
                                    select ?, ?, 0 where not exists (select 1 from filing_count where type = ? and status = ?)""")
                            .params(type.name(), status.name(), type.name(), status.name()).update();
                }
            }
        });
    }

    void add(FilingType type, FilingStatus status, int delta) {
        jdbc.sql("update filing_count set filings = filings + ? where type = ? and status = ?").params(delta, type.name(), status.name()).update();
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
