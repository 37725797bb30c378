package io.icpflow.api;

import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input gets a problem response and changes nothing; what is accepted is stored and shown safely. */
@ApiTest
class HostileInputApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @Test
    void oversizedBodyIs413() {
        long before = filings();
        String big = "{\"type\":\"NEW_FILING\",\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        Http.Response response = api.http().post("alice", "/api/filings", big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(filings()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIs400() {
        String deep = "[".repeat(200) + "]".repeat(200);
        Http.Response response = api.http().post("alice", "/api/filings", "{\"type\":\"NEW_FILING\",\"websites\":" + deep + "}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void wrongContentTypeIs415() {
        Http.Response response = api.http().postAs("alice", "/api/filings", "type=NEW_FILING", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void markupAndSqlInNamesAreStoredAsTextAndEscapedInMail() throws Exception {
        FilingApplication app = TestData.enterprise();
        String name = "<script>alert(1)</script>'; drop table filing; --";
        Subject subject = new Subject(app.subject().kind(), name, app.subject().idNumber(), "ZJ",
                new FilingApplication.Contact("<b>张三</b>", "zhang@example.com", "13800138000"));
        String id = api.apply("alice", TestData.withSubject(app, subject));
        assertThat(jdbc.sql("select subject_name from filing where id = ?").param(id).query(String.class).single()).isEqualTo(name);
        MimeMessage mail = api.awaitMails(id, 2).get(0);
        String text = MailText.of(mail);
        assertThat(text).contains("&lt;b&gt;张三&lt;/b&gt;").doesNotContain("<b>张三</b>,");
    }

    @Test
    void theFirstAdminSetupPageIsBlocked() {
        Http.Response response = api.http().post(null, "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(api.http().get("intruder:x", "/api/filings").status()).isEqualTo(401);
    }

    @Test
    void expressionKeysInsideOrQueriesAreRefusedBeforeTheEngineRunsThem() {
        String id = api.apply("alice", TestData.enterprise());
        String orQuery = "{\"processInstanceBusinessKey\":\"" + id + "\",\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\",\"assigneeExpression\":\"${currentUser()}\"}]}";
        for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
            Http.Response refused = api.http().post("reviewer", path, orQuery);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).isEqualTo("EXPRESSION_IN_QUERY");
        }
        // a saved filter carries the same query shape: not stored
        long filters = api.http().get("admin", "/engine-rest/filter/count").json().get("count").asLong();
        Http.Response filter = api.http().post("admin", "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"query\":" + orQuery + "}");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(api.http().get("admin", "/engine-rest/filter/count").json().get("count").asLong()).isEqualTo(filters);
        // the engine's own rule for the top level still holds
        Http.Response topLevel = api.http().post("reviewer", "/engine-rest/task", "{\"assigneeExpression\":\"${currentUser()}\"}");
        assertThat(topLevel.status()).isBetween(400, 403);
        // and the same query without expressions is answered
        Http.Response plain = api.http().post("reviewer", "/engine-rest/task",
                "{\"processInstanceBusinessKey\":\"" + id + "\",\"orQueries\":[{\"candidateGroup\":\"icp-reviewers\",\"assignee\":\"reviewer\"}]}");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json()).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("providerReview");
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        String id = api.apply("alice", TestData.enterprise());
        String instance = api.http().get("admin", "/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey=filing")
                .json().get(0).get("id").asText();
        // "rO0ABXQAA2Zvbw==" is a Java-serialized String: harmless here, a gadget chain elsewhere
        Http.Response response = api.http().put("admin", "/engine-rest/process-instance/" + instance + "/variables/payload",
                "{\"value\":\"rO0ABXQAA2Zvbw==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}");
        assertThat(response.status()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).contains("serialization");
        assertThat(api.http().get("admin", "/engine-rest/process-instance/" + instance + "/variables/payload").status()).isEqualTo(404);
    }

    @Test
    void sameIdempotencyKeyPostedConcurrentlyCreatesOneFiling() throws Exception {
        String key = "race-" + UUID.randomUUID();
        FilingApplication app = TestData.enterprise();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> api.http().post("alice", "/api/filings", api.json("alice", app), key), pool));
            }
            List<String> ids = new ArrayList<>();
            for (CompletableFuture<Http.Response> call : calls) {
                Http.Response response = call.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                ids.add(response.json().get("id").asText());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from filing where subject_id_number = ?").param(app.subject().idNumber())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoApplicationsOfOneSubjectRacingLeaveOneInProgress() throws Exception {
        FilingApplication app = TestData.enterprise();
        var pool = Executors.newFixedThreadPool(3);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<CompletableFuture<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                FilingApplication variant = TestData.withWebsites(app, TestData.enterprise().websites());
                calls.add(CompletableFuture.supplyAsync(() -> api.http().post("alice", "/api/filings", api.json("alice", variant)), pool));
            }
            for (CompletableFuture<Http.Response> call : calls) {
                statuses.add(call.get().status());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnlyOnce(201).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(jdbc.sql("select count(*) from filing where subject_id_number = ?").param(app.subject().idNumber())
                .query(Long.class).single()).isEqualTo(1);
    }

    private long filings() {
        return jdbc.sql("select count(*) from filing").query(Long.class).single();
    }
}
