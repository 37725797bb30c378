package io.icpflow.bench;

import io.icpflow.api.Http;
import io.icpflow.filing.RegulatorReviewProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Filings parked in CA review, grown through the sizes asked for (1,000, 10,000, 100,000 …) and
 * measured at each: heap after GC, database bytes per waiting filing against the floor's, and p99
 * latencies under a constant-rate (open-model) load of an applicant's list, a reviewer's Tasklist
 * query over the open reviews, and CA approvals correlated into waiting filings; the analytics
 * summary over all of them. Then many of their business-day timers come due at once.
 */
final class Waiting {

    private final Bench bench;
    private final String db;
    private final Http http;
    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final Seeder seeder;
    private final Path dataDir;
    private final Duration load;

    Waiting(Bench bench, String db, ConfigurableApplicationContext app, Http http, Path dataDir, Duration load) {
        this.bench = bench;
        this.db = db;
        this.http = http;
        this.jdbc = app.getBean(JdbcClient.class);
        this.engine = app.getBean(ProcessEngine.class);
        this.seeder = new Seeder(app);
        this.dataDir = dataDir;
        this.load = load;
    }

    void measure(List<Integer> sizes, int openReviews, int dueTimers) throws Exception {
        applicants();
        long start = System.nanoTime();
        seeder.openReviews(openReviews);
        record("open_reviews", openReviews, "tasks");
        record("open_reviews_seed_s", (System.nanoTime() - start) / 1e9, "s");
        String reviewFilter = http.get("reviewer", "/engine-rest/filter?resourceType=Task&nameLike=Open%20reviews%25").json()
                .get(0).get("id").asText();

        ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>();
        int seeded = 0;
        for (int size : sizes) {
            String at = "at_" + size + ".";
            long before = databaseBytes();
            start = System.nanoTime();
            List<String> ids = new ArrayList<>(seeder.caReview(seeded, size - seeded));
            double seconds = (System.nanoTime() - start) / 1e9;
            long productBytes = databaseBytes() - before;
            before = databaseBytes();
            seeder.floorCaReview(size - seeded);
            long floorBytes = databaseBytes() - before;
            // what autovacuum does within a minute of a bulk load: planner statistics that know the new rows
            jdbc.sql("analyze").update();
            Collections.shuffle(ids);
            waiting.addAll(ids);
            record(at + "waiting_instances", size, "filings");
            record(at + "seed_per_s", (size - seeded) / seconds, "filings/s");
            record(at + "heap_mb_after_gc", heapAfterGc() / (1024.0 * 1024.0), "MB");
            record(at + "db_kb_per_waiting", productBytes / 1024.0 / (size - seeded), "KB");
            record(at + "floor_db_kb_per_waiting", floorBytes / 1024.0 / (size - seeded), "KB");
            seeded = size;

            AtomicInteger next = new AtomicInteger();
            record(at + "api_list_p99_ms", p99(openModel(20, () -> {
                String user = "bench-applicant-" + (next.incrementAndGet() % Seeder.APPLICANTS);
                Bench.expect(http.get(user, "/api/filings"), 200);
            })), "ms");
            record(at + "task_query_p99_ms", p99(openModel(10, () -> Bench.expect(http.post("reviewer",
                    "/engine-rest/filter/" + reviewFilter + "/list?firstResult=0&maxResults=15",
                    "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"), 200))), "ms");
            record(at + "notice_p99_ms", p99(openModel(10, () -> {
                String id = waiting.poll();
                Bench.expect(Bench.notice(http, "FILING_APPROVED", id,
                        "浙ICP备2027" + String.format("%06d", Bench.NUMBERS.incrementAndGet()) + "号"), 202);
            })), "ms");
            long analytics = System.nanoTime();
            Bench.expect(http.get("analyst", "/api/analytics/summary"), 200);
            record(at + "analytics_ms", (System.nanoTime() - analytics) / 1e6, "ms");
        }
        timers(dueTimers);
    }

    /**
     * {@code count} CA-review timers of the product and as many of the floor's come due at the same
     * instant: how late each fires (due to the start of its boundary event in history) and how long until
     * all have fired. Due dates are moved in the job table: it is the benchmark's set-up, not product work.
     */
    private void timers(int count) {
        ManagementService management = engine.getManagementService();
        Drain product = drain(management.createJobQuery().timers().activityId(RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE)
                .listPage(0, count), RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE);
        Drain floor = drain(management.createJobQuery().timers().activityId("caSla").listPage(0, count), "caSla");
        record("timers_due", product.fired().size(), "timers");
        record("timer_lateness_p99_s", p99(product.fired()), "s");
        record("timer_drain_s", product.drain(), "s");
        record("floor_timer_lateness_p99_s", p99(floor.fired()), "s");
        record("floor_timer_drain_s", floor.drain(), "s");
    }

    private record Drain(List<Double> fired, double drain) {
    }

    private Drain drain(List<Job> jobs, String activityId) {
        Instant due = Instant.now().plusSeconds(3);
        List<Object[]> rows = jobs.stream().map(job -> new Object[]{Timestamp.from(due), job.getId()}).toList();
        new org.springframework.jdbc.core.JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource())
                .batchUpdate("update ACT_RU_JOB set DUEDATE_ = ? where ID_ = ?", rows);
        String fired = "select count(*) from ACT_HI_ACTINST where ACT_ID_ = ? and START_TIME_ >= ?";
        Bench.awaitTrue(() -> jdbc.sql(fired).params(activityId, Timestamp.from(due.minusSeconds(3))).query(Long.class).single() >= jobs.size(),
                Duration.ofMinutes(10));
        List<Double> lateness = jdbc.sql("select START_TIME_ from ACT_HI_ACTINST where ACT_ID_ = ? and START_TIME_ >= ?")
                .params(activityId, Timestamp.from(due.minusSeconds(3)))
                .query((rs, n) -> Math.max(0, Duration.between(due, rs.getTimestamp(1).toInstant()).toMillis() / 1000.0)).list();
        return new Drain(lateness, Collections.max(lateness));
    }

    private void record(String name, double value, String unit) {
        bench.record(db + "." + name, value, unit);
    }

    private void applicants() {
        IdentityService identity = engine.getIdentityService();
        for (int i = 0; i < Seeder.APPLICANTS; i++) {
            String id = "bench-applicant-" + i;
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setPassword(id);
                identity.saveUser(user);
                identity.createMembership(id, "icp-applicants");
            }
        }
    }

    private long databaseBytes() throws Exception {
        if (db.equals("postgres")) {
            return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
        }
        jdbc.sql("checkpoint sync").update();
        return Files.size(dataDir.resolve("icp.mv.db"));
    }

    private static double heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Calls at a constant rate whatever the answers take (open model): each latency is measured from
     * the moment the call was due, so a slow answer also counts against the calls queued behind it.
     */
    private List<Double> openModel(double perSecond, Runnable call) throws Exception {
        int calls = (int) (perSecond * load.toSeconds());
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime() + 100_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            futures.add(pool.schedule(() -> {
                call.run();
                latencies.add((System.nanoTime() - due) / 1e6);
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return latencies;
    }

    private static double p99(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1));
    }
}
