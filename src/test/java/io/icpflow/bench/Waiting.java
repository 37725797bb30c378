package io.icpflow.bench;

import io.icpflow.TestData;
import io.icpflow.api.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Filings parked in CA review: seeded through the public API (application, review, SMS notice) by
 * 100 applicants, then measured while they wait: heap after GC, database bytes per waiting filing
 * against the floor's, and p99 latencies under a constant-rate (open-model) load of an applicant's
 * list and of CA approvals correlated into waiting filings; the analytics summary over all of them.
 */
final class Waiting {

    private static final int APPLICANTS = 100;
    private static final int SEEDERS = 8;

    private final Bench bench;
    private final String db;
    private final Http http;
    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final Path dataDir;

    Waiting(Bench bench, String db, ConfigurableApplicationContext app, Http http, Path dataDir) {
        this.bench = bench;
        this.db = db;
        this.http = http;
        this.jdbc = app.getBean(JdbcClient.class);
        this.engine = app.getBean(ProcessEngine.class);
        this.dataDir = dataDir;
    }

    void measure(int count) throws Exception {
        applicants();
        long before = databaseBytes();
        ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>(seed(count));
        long productBytes = databaseBytes() - before;
        record("waiting_instances", waiting.size(), "filings");
        record("heap_mb_after_gc", heapAfterGc() / (1024.0 * 1024.0), "MB");
        long floorBefore = databaseBytes();
        seedFloor(count);
        long floorBytes = databaseBytes() - floorBefore;
        record("db_kb_per_waiting", productBytes / 1024.0 / count, "KB");
        record("floor_db_kb_per_waiting", floorBytes / 1024.0 / count, "KB");

        Duration load = Duration.ofSeconds(15);
        AtomicInteger next = new AtomicInteger();
        List<Double> list = openModel(20, load, () -> {
            String user = "bench-applicant-" + (next.incrementAndGet() % APPLICANTS);
            Bench.expect(http.get(user, "/api/filings"), 200);
        });
        record("api_list_p99_ms", p99(list), "ms");
        List<Double> notices = openModel(10, load, () -> {
            String id = waiting.poll();
            Bench.expect(Bench.notice(http, "FILING_APPROVED", id,
                    "浙ICP备2027" + String.format("%06d", Bench.NUMBERS.incrementAndGet()) + "号"), 202);
        });
        record("notice_p99_ms", p99(notices), "ms");
        long start = System.nanoTime();
        Bench.expect(http.get("analyst", "/api/analytics/summary"), 200);
        record("analytics_ms", (System.nanoTime() - start) / 1e6, "ms");
    }

    private void record(String name, double value, String unit) {
        bench.record(db + "." + name, value, unit);
    }

    private void applicants() {
        IdentityService identity = engine.getIdentityService();
        for (int i = 0; i < APPLICANTS; i++) {
            String id = "bench-applicant-" + i;
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setPassword(id);
                identity.saveUser(user);
                identity.createMembership(id, "icp-applicants");
            }
        }
    }

    private List<String> seed(int count) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService pool = Executors.newFixedThreadPool(SEEDERS);
        List<Future<?>> seeders = new ArrayList<>();
        for (int s = 0; s < SEEDERS; s++) {
            seeders.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    ids.add(toCaReview("bench-applicant-" + (ids.size() % APPLICANTS)));
                }
            }));
        }
        for (Future<?> seeder : seeders) {
            seeder.get();
        }
        pool.shutdown();
        return ids;
    }

    private String toCaReview(String applicant) {
        Http.Response created = http.post(applicant, "/api/filings", Http.json(TestData.enterprise()));
        Bench.expect(created, 201);
        String id = created.json().get("id").asText();
        Bench.awaitTrue(() -> Bench.openReviews(jdbc, id) == 1);
        String task = http.get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id).json().get(0).get("id").asText();
        Bench.expect(http.post("reviewer", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}"), 204);
        Bench.awaitStatus(jdbc, id, "SMS_VERIFICATION");
        Bench.expect(Bench.notice(http, "SMS_VERIFIED", id, null), 202);
        return id;
    }

    private void seedFloor(int count) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        for (int i = 0; i < count; i++) {
            String instance = runtime.startProcessInstanceByKey("floor", UUID.randomUUID().toString()).getId();
            var review = Bench.await(() -> tasks.createTaskQuery().processInstanceId(instance).singleResult());
            tasks.complete(review.getId());
            Bench.awaitTrue(() -> runtime.createEventSubscriptionQuery().processInstanceId(instance).eventName("FloorSms").count() == 1);
            runtime.createMessageCorrelation("FloorSms").processInstanceId(instance).correlate();
            Bench.awaitTrue(() -> runtime.createEventSubscriptionQuery().processInstanceId(instance).eventName("FloorCa").count() == 1);
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
    private static List<Double> openModel(double perSecond, Duration duration, Runnable call) throws Exception {
        int calls = (int) (perSecond * duration.toSeconds());
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

    private static double p99(List<Double> latencies) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1));
    }
}
