package io.icpflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.TestData;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A provider's past, in bulk: finished filings with their timelines and, for the active ones, their
 * subjects, websites and domains in the registry, written straight into the product's own tables in
 * batches (the benchmark's set-up, not product work: no process instances, no mails). Spread over the
 * last year, mostly active, some returned, withdrawn or closed, in several provinces, so the analytics
 * and the registry have a year of a provider's history to read.
 */
final class History {

    private static final String[] PROVINCES = {"ZJ", "GD", "BJ", "SH", "JS", "SC", "HB", "FJ"};
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String application;

    History(ConfigurableApplicationContext app) throws Exception {
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.transactions = app.getBean(TransactionTemplate.class);
        this.application = new ObjectMapper().findAndRegisterModules().writeValueAsString(TestData.enterprise());
    }

    /** {@code count} finished filings created over the last 365 days; answers how many rows it wrote. */
    long seed(int count, int from) {
        SplittableRandom random = new SplittableRandom(count + 31L * from);
        Map<String, Long> counts = new HashMap<>();
        long rows = 0;
        for (int first = 0; first < count; first += BATCH) {
            int size = Math.min(BATCH, count - first);
            Batch batch = new Batch();
            for (int i = 0; i < size; i++) {
                batch.add(from + first + i, random, counts);
            }
            rows += transactions.execute(tx -> batch.write(jdbc));
        }
        counts.forEach((key, n) -> {
            String[] typeStatus = key.split("\\|");
            jdbc.update("update filing_count set filings = filings + ? where type = ? and status = ?", n, typeStatus[0], typeStatus[1]);
        });
        return rows;
    }

    private final class Batch {
        final List<Object[]> filings = new ArrayList<>();
        final List<Object[]> events = new ArrayList<>();
        final List<Object[]> subjects = new ArrayList<>();
        final List<Object[]> websites = new ArrayList<>();
        final List<Object[]> domains = new ArrayList<>();

        void add(int index, SplittableRandom random, Map<String, Long> counts) {
            String id = UUID.randomUUID().toString();
            String province = PROVINCES[random.nextInt(PROVINCES.length)];
            Instant created = Instant.now().minus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
            // the journey: most reach ACTIVE; a tenth are returned and left, a few withdrawn or closed
            int fate = random.nextInt(100);
            Map<FilingStatus, Instant> steps = new EnumMap<>(FilingStatus.class);
            List<Object[]> timeline = new ArrayList<>();
            Instant at = created;
            timeline.add(event(id, at, FilingStatus.SUBMITTED, null));
            at = at.plus(Duration.ofSeconds(30 + random.nextInt(600)));
            timeline.add(event(id, at, FilingStatus.IDENTITY_VERIFICATION, null));
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(30)));
            timeline.add(event(id, at, FilingStatus.PROVIDER_REVIEW, null));
            FilingStatus end;
            if (fate < 10) {
                at = at.plus(Duration.ofHours(2 + random.nextInt(30)));
                timeline.add(event(id, at, FilingStatus.RETURNED,
                        "[{\"code\":\"" + (fate < 6 ? "RETURNED_BY_REVIEWER" : "MATERIAL_REJECTED") + "\",\"field\":null,\"detail\":\"-\",\"rule\":null}]"));
                end = fate < 2 ? FilingStatus.CLOSED : fate < 4 ? FilingStatus.WITHDRAWN : FilingStatus.RETURNED;
                if (end != FilingStatus.RETURNED) {
                    timeline.add(event(id, at.plus(Duration.ofDays(fate < 2 ? 45 : 3)), end, null));
                }
            } else {
                at = at.plus(Duration.ofHours(2 + random.nextInt(20)));
                timeline.add(event(id, at, FilingStatus.SMS_VERIFICATION, null));
                at = at.plus(Duration.ofMinutes(10 + random.nextInt(600)));
                timeline.add(event(id, at, FilingStatus.CA_REVIEW, null));
                at = at.plus(Duration.ofHours(24L * (3 + random.nextInt(25)) + random.nextInt(24)));
                timeline.add(event(id, at, FilingStatus.APPROVED, null));
                at = at.plus(Duration.ofHours(1 + random.nextInt(40)));
                timeline.add(event(id, at, FilingStatus.ACTIVE, null));
                end = FilingStatus.ACTIVE;
            }
            Instant updated = at;
            String subjectNumber = TestData.subjectNumber(2025, 500_000L + index);
            String idNumber = String.format("91%016d", index);
            filings.add(new Object[]{id, "history-" + index % 50_000, FilingType.NEW_FILING.name(), end.name(), "zh-CN", idNumber,
                    "历史科技有限公司" + index, province, "history@example.com", end == FilingStatus.ACTIVE ? subjectNumber : null, application,
                    "[]", ts(created), ts(updated), "[]", ts(created)});
            events.addAll(timeline);
            counts.merge(FilingType.NEW_FILING.name() + "|" + end.name(), 1L, Long::sum);
            if (end == FilingStatus.ACTIVE) {
                String websiteNumber = subjectNumber + "-1";
                subjects.add(new Object[]{idNumber, "history-" + index % 50_000, "ENTERPRISE", "历史科技有限公司" + index, province, subjectNumber,
                        "ACTIVE", "张三", "history@example.com", "13800138000"});
                websites.add(new Object[]{websiteNumber, idNumber, id, 0, 1, "历史官网", "cn-hangzhou", "ACTIVE", true, "COMPANY"});
                domains.add(new Object[]{"history-" + index + ".cn", websiteNumber, true});
            }
        }

        long write(JdbcTemplate jdbc) {
            jdbc.batchUpdate("""
                    insert into filing (id, owner, type, status, locale, subject_id_number, subject_name, province, contact_email, icp_number,
                      application_json, reasons_json, created_at, updated_at, notices_json, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", filings);
            jdbc.batchUpdate("insert into filing_event (filing_id, at, status, reasons) values (?, ?, ?, ?)", events);
            jdbc.batchUpdate("""
                    insert into icp_subject (id_number, owner, kind, name, province, icp_number, status, contact_name, contact_email, contact_mobile)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", subjects);
            jdbc.batchUpdate("""
                    insert into icp_website (icp_number, subject_id_number, filing_id, website_index, seq, name, server_region, status, synced, content)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", websites);
            jdbc.batchUpdate("insert into icp_domain (domain, website_icp_number, access_enabled) values (?, ?, ?)", domains);
            return filings.size() + events.size() + subjects.size() + websites.size() + domains.size();
        }
    }

    private static Object[] event(String filingId, Instant at, FilingStatus status, String reasons) {
        return new Object[]{filingId, ts(at), status.name(), reasons};
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
