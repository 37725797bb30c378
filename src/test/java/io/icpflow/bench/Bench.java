package io.icpflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.icpflow.IcpApplication;
import io.icpflow.TestData;
import io.icpflow.analytics.ReadModelRebuild;
import io.icpflow.api.Http;
import io.icpflow.notification.MailOutbox;
import io.icpflow.notification.OutgoingMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The product against the engine's own floor, on H2 (file) and on PostgreSQL (embedded), in one
 * run: complete filings through the public API and the regulator webhook (simulator off, mail to a
 * local SMTP sink) against {@code bench/floor.bpmn} driven through the engine's Java API in the same
 * engine, database and job executor. Prints {@code name: value unit} lines; {@code bench/run} builds
 * and starts it. Figures and method: {@code bench/README.md}.
 */
public final class Bench {

    private static final int SMTP_PORT = 3041;
    static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final long STARTED = System.nanoTime();

    private final boolean quick;
    private final boolean sqlOnly;
    private final boolean rateOnly;
    private final List<Integer> sizes;
    private final boolean scaled;
    /** Finished filings seeded in bulk before the waiting ones, on PostgreSQL (--history N). */
    private final int history;
    private final PrintStream out;
    private final Map<String, String> figures = new LinkedHashMap<>();

    private Bench(boolean quick, boolean sqlOnly, boolean rateOnly, List<Integer> sizes, boolean scaled, int history, PrintStream out) {
        this.history = history;
        this.quick = quick;
        this.rateOnly = rateOnly;
        this.scaled = scaled;
        this.sizes = sizes;
        this.sqlOnly = sqlOnly;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        boolean sqlOnly = arguments.contains("--sql");
        boolean rateOnly = arguments.contains("--rate");
        boolean quick = sqlOnly || rateOnly || arguments.contains("--quick");
        boolean scaled = arguments.contains("--scale");
        int scale = scaled ? Integer.parseInt(arguments.get(arguments.indexOf("--scale") + 1)) : quick ? 1_000 : 100_000;
        int history = arguments.contains("--history") ? Integer.parseInt(arguments.get(arguments.indexOf("--history") + 1)) : 0;
        Bench bench = new Bench(quick, sqlOnly, rateOnly, sizes(scale), scaled, history, System.out);
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            for (Database database : Database.values()) {
                bench.measure(database);
            }
        } finally {
            smtp.stop();
        }
        bench.summary();
        System.exit(0);
    }

    enum Database { H2, POSTGRES }

    /**
     * The full run takes PostgreSQL, the production database, to 100,000 waiting filings and H2, the
     * embedded demo database, to 10,000: seeding runs at 100 to 160 filings a second here, so 100,000
     * on both would not fit the run's 30 minutes. {@code --scale N} takes both to N.
     */
    private List<Integer> sizesFor(Database database) {
        return database == Database.H2 && !scaled ? sizes.stream().filter(size -> size <= 10_000).toList() : sizes;
    }

    /** 1,000, 10,000, 100,000 … on the way to {@code scale}, then {@code scale}. */
    static List<Integer> sizes(int scale) {
        List<Integer> sizes = new ArrayList<>();
        for (int size = 1_000; size < scale; size *= 10) {
            sizes.add(size);
        }
        sizes.add(scale);
        return sizes;
    }

    private void measure(Database database) throws Exception {
        String db = database.name().toLowerCase(Locale.ROOT);
        Path dataDir = Files.createTempDirectory("icp-bench-" + db);
        EmbeddedPostgres postgres = database == Database.POSTGRES ? EmbeddedPostgres.builder().start() : null;
        List<String> properties = new ArrayList<>(List.of(
                "--server.port=0",
                "--icp.data-dir=" + dataDir,
                "--icp.regulator.simulator.enabled=false",
                // the verification service posts its results, as the bench's applicant's principals pass
                "--icp.verification.simulator.enabled=false",
                // a service number per measured filing: 5 per demo instance
                "--icp.resources.demo-instances=2000",
                // the benchmark measures throughput: the per-account limits would measure themselves
                "--icp.limits.enabled=false",
                "--spring.mail.port=" + SMTP_PORT,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                "--logging.level.io.icpflow=WARN"));
        if (postgres != null) {
            properties.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
            properties.add("--spring.datasource.username=postgres");
            properties.add("--spring.datasource.password=postgres");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IcpApplication.class, Counting.class)
                .run(properties.toArray(String[]::new))) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            try (InputStream floor = Files.newInputStream(Path.of("bench", "floor.bpmn"))) {
                engine.getRepositoryService().createDeployment().name("bench-floor").addInputStream("floor.bpmn", floor).deploy();
            }
            Http http = new Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Runnable product = () -> productFiling(http, jdbc);
            Runnable floor = () -> floorFiling(engine.getRuntimeService(), engine.getTaskService());

            int sequential = quick ? 10 : 40;
            product.run(); // the first of each warms the code paths, not counted
            floor.run();
            StatementCounter.BY_SQL.clear();
            double productSql = perFiling(product, sequential, StatementCounter.STATEMENTS);
            profile(db + " product", sequential);
            double floorSql = perFiling(floor, sequential, StatementCounter.STATEMENTS);
            profile(db + " floor", sequential);
            record(db + ".sql_per_filing", productSql, "statements");
            record(db + ".floor_sql_per_filing", floorSql, "statements");
            record(db + ".sql_ratio", productSql / floorSql, "");
            record(db + ".sql_per_mail", perFiling(() -> oneMail(app), sequential, StatementCounter.STATEMENTS), "statements");
            profile(db + " one mail", sequential);
            if (sqlOnly) {
                return;
            }

            int clients = 8;
            Duration warmup = Duration.ofSeconds(quick ? 3 : 10);
            Duration window = Duration.ofSeconds(quick ? 12 : 30);
            Rate productLimit = closedLoop(product, clients, warmup, window);
            Rate floorLimit = closedLoop(floor, clients, warmup, window);
            record(db + ".closed_loop_filings_per_s", productLimit.perSecond(), "filings/s");
            record(db + ".closed_loop_floor_per_s", floorLimit.perSecond(), "instances/s");
            Rate productRate = sustained(product, productLimit.perSecond(), warmup, window);
            Rate floorRate = sustained(floor, floorLimit.perSecond(), warmup, window);
            record(db + ".filings_per_s", productRate.perSecond(), "filings/s");
            record(db + ".floor_per_s", floorRate.perSecond(), "instances/s");
            record(db + ".ratio_to_floor", productRate.perSecond() / floorRate.perSecond(), "");
            record(db + ".tx_per_s", productRate.commitsPerSecond(), "tx/s");
            record(db + ".floor_tx_per_s", floorRate.commitsPerSecond(), "tx/s");
            record(db + ".tx_ratio_to_floor", productRate.commitsPerSecond() / floorRate.commitsPerSecond(), "");
            if (rateOnly) {
                return;
            }

            if (history > 0 && database == Database.POSTGRES) {
                // a provider's past before the waiting filings: the analytics and the registry read a year of it
                long seeding = System.nanoTime();
                long rows = new History(app).seed(history, 0);
                app.getBean(JdbcClient.class).sql("analyze").update();
                record(db + ".history_filings", history, "filings");
                record(db + ".history_rows", rows, "rows");
                record(db + ".history_seed_s", (System.nanoTime() - seeding) / 1e9, "s");
                // the rows went around the product: its analytics read model is built from them as a first start after the migration would
                long building = System.nanoTime();
                app.getBean(ReadModelRebuild.class).rebuild();
                app.getBean(JdbcClient.class).sql("analyze").update();
                record(db + ".history_read_model_s", (System.nanoTime() - building) / 1e9, "s");
            }
            new Waiting(this, db, app, http, Duration.ofSeconds(quick ? 8 : 15))
                    .measure(sizesFor(database), quick ? 2_000 : 10_000, quick ? 1_000 : 10_000);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * One filing the way API.md has it, from the application to ACTIVE with its seven emails sent: the
     * verification service posts each principal's result, the reviewer approves, the regulator's notices.
     */
    private static void productFiling(Http http, JdbcClient jdbc) {
        Http.Response created = http.post("alice", "/api/filings", http.json("alice", TestData.enterprise()));
        expect(created, 201);
        String id = created.json().get("id").asText();
        for (JsonNode session : created.json().get("verification").get("sessions")) {
            String sessionId = session.get("id").asText();
            expect(http.post("verifier", "/api/verification/results",
                    "{\"resultId\":\"r-" + sessionId + "\",\"sessionId\":\"" + sessionId + "\",\"passed\":true}"), 202);
        }
        awaitTrue(() -> openReviews(jdbc, id) == 1);
        String task = http.get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id).json().get(0).get("id").asText();
        expect(http.post("reviewer", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}"), 204);
        awaitStatus(jdbc, id, "SMS_VERIFICATION");
        expect(notice(http, "SMS_VERIFIED", id, null), 202);
        expect(notice(http, "FILING_APPROVED", id, TestData.subjectNumber(2026, NUMBERS.incrementAndGet())), 202);
        expect(notice(http, "FILING_SYNCED", id, null), 202);
        awaitStatus(jdbc, id, "ACTIVE");
        awaitTrue(() -> jdbc.sql("select count(*) from mail_outbox where filing_id = ? and status = 'SENT'").param(id)
                .query(Long.class).single() == 7);
    }

    /** The same waits through the engine's Java API: the most this engine does for that shape on this machine. */
    private static void floorFiling(RuntimeService runtime, TaskService tasks) {
        String instance = runtime.startProcessInstanceByKey("floor", UUID.randomUUID().toString()).getId();
        awaitTrue(() -> runtime.createEventSubscriptionQuery().processInstanceId(instance).eventName("FloorVerification").count() == 1);
        runtime.createMessageCorrelation("FloorVerification").processInstanceId(instance).correlate();
        awaitTrue(() -> tasks.createTaskQuery().processInstanceId(instance).count() == 1);
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        for (String message : List.of("FloorSms", "FloorCa", "FloorSync")) {
            awaitTrue(() -> runtime.createEventSubscriptionQuery().processInstanceId(instance).eventName(message).count() == 1);
            runtime.createMessageCorrelation(message).processInstanceId(instance).correlate();
        }
        awaitTrue(() -> runtime.createExecutionQuery().processInstanceId(instance).activityId("reminder").count() == 1);
    }

    /** One status mail queued in its own transaction and delivered: what each of a filing's seven costs. */
    private static void oneMail(ConfigurableApplicationContext app) {
        String filingId = UUID.randomUUID().toString();
        app.getBean(TransactionTemplate.class).executeWithoutResult(tx -> app.getBean(MailOutbox.class).enqueue(
                new OutgoingMail(filingId, "applicant@example.com", Locale.SIMPLIFIED_CHINESE, "reminder",
                        Map.of("filingId", filingId, "statusLabel", "ACTIVE", "contactName", "Zhang San", "reminder", "…"),
                        "mail.subject.reminder", new Object[]{filingId})));
        awaitTrue(() -> app.getBean(JdbcClient.class).sql("select count(*) from mail_outbox where filing_id = ? and status = 'SENT'")
                .param(filingId).query(Long.class).single() == 1);
    }

    static long openReviews(JdbcClient jdbc, String filingId) {
        return jdbc.sql("select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where e.BUSINESS_KEY_ = ?")
                .param(filingId).query(Long.class).single();
    }

    static void awaitStatus(JdbcClient jdbc, String filingId, String status) {
        awaitTrue(() -> status.equals(jdbc.sql("select status from filing where id = ?").param(filingId).query(String.class).single()));
    }

    /** With {@code -Dbench.sql-profile=true}: the statements per filing by SQL, most frequent first. */
    private void profile(String label, int filings) {
        if (StatementCounter.BY_SQL.isEmpty()) {
            return;
        }
        out.println("# SQL per filing, " + label + ":");
        StatementCounter.BY_SQL.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .limit(60)
                .forEach(e -> out.printf(Locale.ROOT, "#  %6.1f  %s%n", e.getValue().sum() / (double) filings,
                        e.getKey().length() > 150 ? e.getKey().substring(0, 150) + "…" : e.getKey()));
        StatementCounter.BY_SQL.clear();
    }

    private double perFiling(Runnable filing, int count, LongAdder counter) {
        long before = counter.sum();
        for (int i = 0; i < count; i++) {
            filing.run();
        }
        return (double) (counter.sum() - before) / count;
    }

    private record Rate(int completed, long commits, Duration window) {
        double perSecond() {
            return completed / (window.toMillis() / 1000.0);
        }

        double commitsPerSecond() {
            return commits / (window.toMillis() / 1000.0);
        }
    }

    /** {@code clients} loops back to back; what completes inside the window after the warm-up counts. */
    private static Rate closedLoop(Runnable filing, int clients, Duration warmup, Duration window) throws Exception {
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + window.toNanos();
        AtomicInteger completed = new AtomicInteger();
        long[] commits = new long[2];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(pool.submit(() -> {
                while (System.nanoTime() < windowEnd) {
                    filing.run();
                    long done = System.nanoTime();
                    if (done >= windowStart && done < windowEnd) {
                        completed.incrementAndGet();
                    }
                }
            }));
        }
        sleepUntil(windowStart);
        commits[0] = StatementCounter.COMMITS.sum();
        sleepUntil(windowEnd);
        commits[1] = StatementCounter.COMMITS.sum();
        for (Future<?> loop : loops) {
            loop.get();
        }
        pool.shutdown();
        return new Rate(completed.get(), commits[1] - commits[0], window);
    }

    /**
     * Holds {@code perSecond} (the closed loop's limit): filings start on a fixed schedule whatever
     * the earlier ones take; what completes inside the window counts. Below the limit this equals the
     * offered rate; a backlog shows as fewer completions.
     */
    private static Rate sustained(Runnable filing, double perSecond, Duration warmup, Duration window) throws Exception {
        long start = System.nanoTime() + 100_000_000L;
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + window.toNanos();
        AtomicInteger completed = new AtomicInteger();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(32);
        List<Future<?>> filings = new ArrayList<>();
        for (long due = start; due < windowEnd; due += (long) (1e9 / perSecond)) {
            filings.add(pool.schedule(() -> {
                filing.run();
                long done = System.nanoTime();
                if (done >= windowStart && done < windowEnd) {
                    completed.incrementAndGet();
                }
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS));
        }
        sleepUntil(windowStart);
        long commits = StatementCounter.COMMITS.sum();
        sleepUntil(windowEnd);
        commits = StatementCounter.COMMITS.sum() - commits;
        for (Future<?> f : filings) {
            f.get();
        }
        pool.shutdown();
        return new Rate(completed.get(), commits, window);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    static int notice(Http http, String type, String filingId, String icpNumber) {
        return http.notice(type, filingId, icpNumber).status();
    }

    static void expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.status() + ": " + response.body());
        }
    }

    static void expect(int actual, int status) {
        if (actual != status) {
            throw new IllegalStateException("expected " + status + ", got " + actual);
        }
    }

    /** Polls {@code value} until it is not null; the polling is the benchmark's, not counted as the product's statements. */
    static <T> T await(Supplier<T> value) {
        return await(value, Duration.ofSeconds(60));
    }

    static <T> T await(Supplier<T> value, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            T result = StatementCounter.uncounted(value);
            if (result != null) {
                return result;
            }
            pause();
        }
        throw new IllegalStateException("timed out");
    }

    static void awaitTrue(BooleanSupplier condition) {
        awaitTrue(condition, Duration.ofSeconds(60));
    }

    static void awaitTrue(BooleanSupplier condition, Duration patience) {
        await(() -> condition.getAsBoolean() ? Boolean.TRUE : null, patience);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void record(String name, double value, String unit) {
        String line = name + ": " + String.format(Locale.ROOT, "%.3f", value) + (unit.isEmpty() ? "" : " " + unit);
        figures.put(name, line);
        out.println(line);
        out.flush();
    }

    private void summary() throws IOException {
        String line = String.format(Locale.ROOT, "summary: %s run in %d s, %d figures; tx_ratio_to_floor h2 %s / postgres %s; sql_ratio h2 %s / postgres %s",
                quick ? "quick" : "full", (System.nanoTime() - STARTED) / 1_000_000_000L, figures.size(), value("h2.tx_ratio_to_floor"), value("postgres.tx_ratio_to_floor"),
                value("h2.sql_ratio"), value("postgres.sql_ratio"));
        out.println(line);
        Files.createDirectories(Path.of("target", "bench"));
        Files.write(Path.of("target", "bench", "latest.txt"), (String.join("\n", figures.values()) + "\n" + line + "\n").getBytes());
    }

    private String value(String name) {
        String line = figures.get(name);
        return line == null ? "n/a" : line.substring(line.indexOf(':') + 2);
    }

    @Configuration
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }
}
