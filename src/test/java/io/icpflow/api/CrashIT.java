package io.icpflow.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.icpflow.IcpApplication;
import io.icpflow.OwnJvm;
import io.icpflow.TestData;
import io.icpflow.notification.MailDeliveryProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every acknowledged write survives {@code kill -9}: the app runs as its own process, takes a burst of
 * filings (201, with Idempotency-Keys) and regulator notices (202 applied or 409 kept), is killed with
 * SIGKILL in the middle of it, and starts again on the same database. Each answered filing is there,
 * its Idempotency-Key gives the same filing again, each answered notice is known by its id; a mail
 * sent twice around the crash carries the same Message-ID both times. On H2 (file) and PostgreSQL.
 */
@OwnJvm
class CrashIT {

    private static final int ANSWERED_BEFORE_KILL = 10;

    private record Acknowledged(List<String[]> filings, List<String> notices) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillOnH2() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-h2-");
        List<String> args = new ArrayList<>(List.of("--icp.data-dir=" + dataDir.toAbsolutePath()));
        if (System.getProperty("crash.h2.url") != null) { // to measure another setting: -Dcrash.h2.url=jdbc:h2:file:…
            args.add("--spring.datasource.url=" + System.getProperty("crash.h2.url"));
        }
        crashAndCheck("h2", args);
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            crashAndCheck("postgres", List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        }
    }

    private void crashAndCheck(String database, List<String> databaseArgs) throws Exception {
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            int port = freePort();
            Process first = start(database + "-1", port, smtpPort, databaseArgs);
            Acknowledged acknowledged;
            try {
                acknowledged = burstThenKill(first, new Http(port));
            } finally {
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            Process second = start(database + "-2", port, smtpPort, databaseArgs);
            try {
                Http http = new Http(port);
                int lost = 0;
                for (String[] filing : acknowledged.filings()) {
                    Http.Response again = http.get(filing[2], "/api/filings/" + filing[0]);
                    if (again.status() != 200) {
                        lost++;
                        continue;
                    }
                    Http.Response replay = http.post(filing[2], "/api/filings", http.json(filing[2], TestData.enterprise()), filing[1]);
                    assertThat(replay.json().get("id").asText()).as("Idempotency-Key " + filing[1]).isEqualTo(filing[0]);
                }
                int lostNotices = 0;
                for (String notice : acknowledged.notices()) {
                    Http.Response again = http.notice(notice, "SMS_VERIFIED", UUID.randomUUID().toString(), null, null, null);
                    if (again.status() != 200) {
                        lostNotices++;
                    }
                }
                // the outbox drains after the restart: the dead node's locks (10 s here) lapse while the
                // second node starts, so a mail it was sending is sent again; then compare the mailbox
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> http.get("ops", "/engine-rest/job/count?processDefinitionKey="
                                + MailDeliveryProcess.KEY).json().get("count").asInt() == 0);
                Map<String, Set<String>> idsPerMail = new HashMap<>();
                int received = 0;
                for (MimeMessage message : smtp.getReceivedMessages()) {
                    received++;
                    idsPerMail.computeIfAbsent(message.getSubject() + " → " + recipient(message), k -> new HashSet<>())
                            .add(message.getMessageID());
                }
                long sentTwiceUnderTwoIds = idsPerMail.values().stream().filter(ids -> ids.size() > 1).count();
                System.out.printf("crash %s: %d filings answered 201, %d lost; %d notices answered, %d lost; "
                                + "%d mails received, %d distinct, %d sent again under another Message-ID%n",
                        database, acknowledged.filings().size(), lost, acknowledged.notices().size(), lostNotices,
                        received, idsPerMail.size(), sentTwiceUnderTwoIds);
                assertThat(acknowledged.filings()).hasSizeGreaterThanOrEqualTo(ANSWERED_BEFORE_KILL);
                assertThat(lost).as("answered 201, gone after kill -9").isZero();
                assertThat(lostNotices).as("answered 202/409, gone after kill -9").isZero();
                assertThat(sentTwiceUnderTwoIds).as("a mail sent again must carry its first Message-ID").isZero();
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            smtp.stop();
        }
    }

    /**
     * Posts filings and notices from four threads and kills the app once enough of each were answered,
     * while the threads are still posting: a count, not a fixed sleep, so a slow machine kills it no
     * earlier in the work than a fast one.
     */
    private Acknowledged burstThenKill(Process app, Http http) throws Exception {
        List<String[]> filings = Collections.synchronizedList(new ArrayList<>());
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            String user = t % 2 == 0 ? "alice" : "bob";
            boolean noticesToo = t == 3;
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        if (noticesToo) {
                            String id = "crash-" + UUID.randomUUID();
                            int status = http.notice(id, "SMS_VERIFIED", UUID.randomUUID().toString(), null, null, null).status();
                            if (status == 202 || status == 409) {
                                notices.add(id);
                            }
                        } else {
                            String key = "crash-" + UUID.randomUUID();
                            Http.Response created = http.post(user, "/api/filings", http.json(user, TestData.enterprise()), key);
                            if (created.status() == 201) {
                                filings.add(new String[]{created.json().get("id").asText(), key, user});
                            }
                        }
                    } catch (RuntimeException killed) {
                        return; // the connection died with the process: that request was never answered
                    }
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> filings.size() >= ANSWERED_BEFORE_KILL && notices.size() >= ANSWERED_BEFORE_KILL);
        } finally {
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        return new Acknowledged(List.copyOf(filings), List.copyOf(notices));
    }

    private static Process start(String name, int port, int smtpPort, List<String> databaseArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), IcpApplication.class.getName(),
                "--server.port=" + port, "--spring.mail.port=" + smtpPort,
                "--icp.regulator.simulator.enabled=false", "--icp.resources.demo-instances=100", "--icp.limits.enabled=false", "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.lock-time-in-millis=10000"));
        command.addAll(databaseArgs);
        Path log = Path.of("target", "crash-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.get(null, "/actuator/health").status() == 200);
        return process;
    }

    /**
     * This JVM's class path, each entry once: Failsafe hands it over in a manifest-only jar that lists
     * the classes directory twice, and the engine would then find every process twice.
     */
    private static String classPath() throws IOException {
        java.util.LinkedHashSet<Path> entries = new java.util.LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            entries.add(path);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
                    String manifestPath = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        entries.remove(path);
                        for (String url : manifestPath.trim().split("\\s+")) {
                            entries.add(Path.of(path.getParent().toUri().resolve(url)).toAbsolutePath().normalize());
                        }
                    }
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static String recipient(MimeMessage message) {
        try {
            return String.valueOf(message.getAllRecipients()[0]);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
