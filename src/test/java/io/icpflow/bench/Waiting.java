package io.icpflow.bench;

import io.icpflow.TestData;
import io.icpflow.api.Http;
import io.icpflow.calendar.EngineClock;
import io.icpflow.regulatorreview.RegulatorReviewProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    private final Duration load;

    Waiting(Bench bench, String db, ConfigurableApplicationContext app, Http http, Duration load) {
        this.bench = bench;
        this.db = db;
        this.http = http;
        this.jdbc = app.getBean(JdbcClient.class);
        this.engine = app.getBean(ProcessEngine.class);
        this.seeder = new Seeder(app);
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
            long engineBefore = engineBytes();
            start = System.nanoTime();
            List<String> ids = new ArrayList<>(seeder.caReview(seeded, size - seeded));
            double seconds = (System.nanoTime() - start) / 1e9;
            long productBytes = databaseBytes() - before;
            long productEngineBytes = engineBytes() - engineBefore;
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
            record(at + "engine_kb_per_waiting", productEngineBytes / 1024.0 / (size - seeded), "KB");
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
                        TestData.subjectNumber(2027, Bench.NUMBERS.incrementAndGet())), 202);
            })), "ms");
            // the median of five calls: one call's figure moved with whatever the engine did beside it
            record(at + "analytics_ms", medianMillis(5, () -> Bench.expect(http.get("analyst", "/api/analytics/summary"), 200)), "ms");
            // the longest range the endpoint takes: a year of a provider's filings
            LocalDate today = EngineClock.todayInChina();
            record(at + "analytics_year_ms", medianMillis(5, () -> Bench.expect(http.get("analyst",
                    "/api/analytics/summary?from=" + today.minusDays(365) + "&to=" + today), 200)), "ms");
        }
        timers(dueTimers);
    }

    /**
     * Business-day timers coming due. First a trickle: 20 of the product's CA-review timers due one
     * after another, 0.3 s apart, on an idle engine: how late the job executor's polling makes them.
     * Then {@code count} of them, and as many of the floor's, due at the same instant: how late each
     * fires and how long until all have. Lateness is from the due time to the start of the boundary
     * event in history. Due dates are moved in the job table: the benchmark's set-up, not product work.
     */
    private void timers(int count) {
        ManagementService management = engine.getManagementService();
        String product = RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE;
        List<Job> trickle = management.createJobQuery().timers().activityId(product).listPage(0, 20);
        Instant first = Instant.now().plusSeconds(2);
        record("timer_lateness_idle_p99_s", p99(fire(trickle, i -> first.plusMillis(300L * i), product)), "s");

        List<Job> jobs = management.createJobQuery().timers().activityId(product).listPage(0, count);
        Instant due = Instant.now().plusSeconds(3);
        List<Double> lateness = fire(jobs, i -> due, product);
        record("timers_due", lateness.size(), "timers");
        record("timer_lateness_p99_s", p99(lateness), "s");
        record("timer_drain_s", Collections.max(lateness), "s");
        List<Job> floorJobs = management.createJobQuery().timers().activityId("caSla").listPage(0, count);
        Instant floorDue = Instant.now().plusSeconds(3);
        List<Double> floorLateness = fire(floorJobs, i -> floorDue, "caSla");
        record("floor_timer_lateness_p99_s", p99(floorLateness), "s");
        record("floor_timer_drain_s", Collections.max(floorLateness), "s");
    }

    /** Sets job {@code i}'s due date to {@code due(i)}, waits until all have fired, returns each one's lateness in seconds. */
    private List<Double> fire(List<Job> jobs, java.util.function.IntFunction<Instant> due, String activityId) {
        java.util.Map<String, Instant> dueByInstance = new java.util.HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            dueByInstance.put(jobs.get(i).getProcessInstanceId(), due.apply(i));
            rows.add(new Object[]{Timestamp.from(due.apply(i)), jobs.get(i).getId()});
        }
        Instant since = Instant.now();
        new org.springframework.jdbc.core.JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource())
                .batchUpdate("update ACT_RU_JOB set DUEDATE_ = ? where ID_ = ?", rows);
        String fired = "select PROC_INST_ID_, START_TIME_ from ACT_HI_ACTINST where ACT_ID_ = ? and START_TIME_ >= ?";
        Bench.awaitTrue(() -> jdbc.sql("select count(*) from ACT_HI_ACTINST where ACT_ID_ = ? and START_TIME_ >= ?")
                .params(activityId, Timestamp.from(since)).query(Long.class).single() >= jobs.size(), Duration.ofMinutes(15));
        return jdbc.sql(fired).params(activityId, Timestamp.from(since))
                .query((rs, n) -> {
                    Instant dueAt = dueByInstance.get(rs.getString(1));
                    return dueAt == null ? null : Math.max(0, Duration.between(dueAt, rs.getTimestamp(2).toInstant()).toMillis() / 1000.0);
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
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

    /**
     * PostgreSQL: the database's size. H2: the space its tables and their indexes use
     * ({@code DISK_SPACE_USED}); the {@code .mv.db} file keeps and reuses free pages, so its size moves
     * in steps and may not move at all between two sizes. Rough: it leaves out LOBs (our {@code text}
     * columns on H2) and falls when instances of earlier phases end meanwhile.
     */
    private long databaseBytes() {
        if (db.equals("postgres")) {
            return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
        }
        return h2TableBytes("%");
    }

    /** The engine's tables (ACT_*) with their indexes, without our registry. */
    private long engineBytes() {
        if (!db.equals("postgres")) {
            return h2TableBytes("ACT\\_%");
        }
        return jdbc.sql("""
                        select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind = 'r' and n.nspname = 'public' and c.relname like 'act\\_%'""")
                .query(Long.class).single();
    }

    private long h2TableBytes(String namePattern) {
        return jdbc.sql("""
                        select coalesce(sum(disk_space_used('"' || table_schema || '"."' || table_name || '"')), 0)
                        from information_schema.tables
                        where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' and table_name like ? escape '\\'""")
                .param(namePattern).query(Long.class).single();
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
        for (int i = 0; i < 10; i++) {
            call.run(); // warm: the first calls of a path measure the JIT, not the product
        }
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

    private static double medianMillis(int calls, Runnable call) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis.get(calls / 2);
    }

    private static double p99(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1));
    }
}
