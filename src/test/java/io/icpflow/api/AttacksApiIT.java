package io.icpflow.api;

import io.icpflow.TestData;
import io.icpflow.providerstage.ProviderStageProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adversarial findings of issue 12, each as the attacker sent it: every one of these went
 * through before the fix.
 */
@ApiTest
class AttacksApiIT {

    /** Evaluated, this expression would call the canary bean: a JUEL method call like the one that reached Runtime.exec. */
    private static final String EXPRESSION = "${expressionCanary.touch()}";

    @Autowired ApiDriver api;
    @Autowired ApiTestConfiguration.ExpressionCanary canary;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired AuthorizationService authorizations;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    // 1. code execution through expressions in or-queries

    @Test
    void aBodyTheCheckCannotReadIsRefusedNotPassedOn() {
        int before = canary.calls();
        String orQuery = "\"orQueries\":[{\"assigneeExpression\":\"" + EXPRESSION + "\"}]";
        // the finding: a string over the app's 16 KiB limit made the old check give up and pass the body on
        Http.Response longString = api.http().post("reviewer", "/engine-rest/task",
                "{\"nameNotLike\":\"" + "a".repeat(17_000) + "\"," + orQuery + "}");
        assertThat(longString.status()).isEqualTo(400);
        assertThat(longString.json().get("code").asText()).isEqualTo("EXPRESSION_IN_QUERY");
        // nested past the check's depth in an unknown property: unreadable, so refused
        String deep = "[".repeat(100) + "]".repeat(100);
        Http.Response nested = api.http().post("reviewer", "/engine-rest/task", "{\"x\":" + deep + "," + orQuery + "}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().get("code").asText()).isEqualTo("UNCHECKABLE_BODY");
        // over the engine API's hard cap, declared or chunked: 413
        String huge = "{\"nameNotLike\":\"" + "a".repeat(1_100_000) + "\"," + orQuery + "}";
        assertThat(api.http().post("reviewer", "/engine-rest/task", huge).status()).isEqualTo(413);
        assertThat(chunked("reviewer", "/engine-rest/task", huge, "application/json").statusCode()).isEqualTo(413);
        // not JSON, not an upload: the check cannot read it, so neither may the engine
        assertThat(api.http().postAs("reviewer", "/engine-rest/task", "{" + orQuery + "}", "text/plain").status()).isEqualTo(415);
        // the webapps' copy of the engine API, through a staff session
        WebSession reviewer = new WebSession(port);
        assertThat(reviewer.loginToWebapp("tasklist", "reviewer", "reviewer").status()).isEqualTo(200);
        Http.Response webapp = reviewer.postJson("/camunda/api/engine/engine/default/task",
                "{\"nameNotLike\":\"" + "a".repeat(17_000) + "\"," + orQuery + "}");
        assertThat(webapp.status()).isEqualTo(400);
        assertThat(canary.calls()).isEqualTo(before);
    }

    @Test
    void theEngineItselfRefusesExpressionsInOrQueries() {
        int before = canary.calls();
        // past any HTTP check: the engine's Java API, as a plugin or a future endpoint would call it
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(EXPRESSION).endOr().list())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Expressions are forbidden");
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskCandidateUserExpression(EXPRESSION).endOr().count())
                .isInstanceOf(BadUserRequestException.class);
        // a saved filter with an expression in a branch is not stored
        Filter sneaky = filters.newTaskFilter("sneaky-" + UUID.randomUUID());
        sneaky.setQuery(tasks.createTaskQuery().or().taskAssigneeExpression(EXPRESSION).endOr());
        assertThatThrownBy(() -> filters.saveFilter(sneaky)).isInstanceOf(BadUserRequestException.class);
        // a harmless filter listed with an extending query that carries one
        Filter plain = filters.newTaskFilter("plain-" + UUID.randomUUID());
        plain.setQuery(tasks.createTaskQuery().taskCandidateGroup("icp-reviewers"));
        filters.saveFilter(plain);
        try {
            assertThatThrownBy(() -> filters.list(plain.getId(), tasks.createTaskQuery().or().taskAssigneeExpression(EXPRESSION).endOr()))
                    .isInstanceOf(BadUserRequestException.class);
            // a filter stored before this check, written straight into the table, does not run either
            String stored = "{\"orQueries\":[{\"assigneeExpression\":\"" + EXPRESSION + "\"}]}";
            jdbc.sql("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?").params(stored, plain.getId()).update();
            assertThatThrownBy(() -> filters.list(plain.getId())).isInstanceOf(BadUserRequestException.class);
            assertThatThrownBy(() -> filters.count(plain.getId())).isInstanceOf(BadUserRequestException.class);
        } finally {
            filters.deleteFilter(plain.getId());
        }
        assertThat(canary.calls()).isEqualTo(before);
        // a plain or-query still works
        assertThat(tasks.createTaskQuery().or().taskAssignee("nobody").taskCandidateGroup("nobody").endOr().list()).isEmpty();
    }

    // 2. only staff in the webapps

    @Test
    void applicantsAndTheRegulatorGetNoWebappSession() {
        for (String user : List.of("alice", "regulator", "verifier")) {
            for (String app : List.of("welcome", "tasklist", "cockpit", "admin", "anything")) {
                WebSession session = new WebSession(port);
                Http.Response login = session.loginToWebapp(app, user, user);
                assertThat(login.status()).as(user + " → " + app).isEqualTo(401);
                Http.Response engine = session.get("/camunda/api/engine/engine/default/task/count");
                assertThat(engine.status()).as(user + " → engine API after " + app).isIn(401, 403);
                assertThat(session.get("/camunda/api/admin/auth/user/default").status()).isIn(401, 403, 404);
            }
        }
        WebSession reviewer = new WebSession(port);
        assertThat(reviewer.loginToWebapp("tasklist", "reviewer", "reviewer").status()).isEqualTo(200);
        assertThat(reviewer.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
        // a form in another charset would name one user to this check and another to Camunda: refused
        WebSession trick = new WebSession(port);
        trick.get("/camunda/app/tasklist/default/");
        Http.Response utf16 = trick.send(java.net.http.HttpRequest.newBuilder(trick.uri("/camunda/api/admin/auth/user/default/login/welcome"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-16")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=alice&password=alice", StandardCharsets.UTF_16)));
        assertThat(utf16.status()).isEqualTo(401);
    }

    @Test
    void usersMayReadButNotEditOrDeleteThemselves() {
        for (String user : List.of("alice", "bob", "regulator")) {
            List<String> groups = user.equals("regulator") ? List.of("icp-regulator") : List.of("icp-applicants");
            assertThat(authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.USER, user)).isTrue();
            assertThat(authorizations.isUserAuthorized(user, groups, Permissions.UPDATE, Resources.USER, user)).as(user).isFalse();
            assertThat(authorizations.isUserAuthorized(user, groups, Permissions.DELETE, Resources.USER, user)).as(user).isFalse();
        }
    }

    // 3. cross-site requests with a browser's cached credentials

    @Test
    void aFormPostedFromAnotherSiteChangesNothing() throws Exception {
        long deployments = api.http().get("admin", "/engine-rest/deployment/count").json().get("count").asLong();
        String boundary = "x" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\n"
                + "Content-Type: text/xml\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";
        for (Map<String, String> browser : List.of(Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example"),
                Map.of("Origin", "http://evil.example"), Map.of("Sec-Fetch-Site", "same-site"))) {
            HttpResponse<String> forged = send("admin", "/engine-rest/deployment/create", multipart,
                    "multipart/form-data; boundary=" + boundary, browser);
            assertThat(forged.statusCode()).as(browser.toString()).isEqualTo(403);
            assertThat(forged.body()).contains("CROSS_SITE_REQUEST");
            // the same for the applicants' API, with the form type a page can send without asking
            HttpResponse<String> filing = send("alice", "/api/filings", Http.json(TestData.enterprise()), "text/plain", browser);
            assertThat(filing.statusCode()).isEqualTo(403);
        }
        assertThat(api.http().get("admin", "/engine-rest/deployment/count").json().get("count").asLong()).isEqualTo(deployments);
        // our own pages (same origin) and tools that are not browsers go on
        HttpResponse<String> sameOrigin = send("alice", "/api/filings", Http.json(TestData.enterprise()), "application/json",
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", "http://localhost:" + port));
        assertThat(sameOrigin.statusCode()).isEqualTo(201);
        assertThat(api.http().post("alice", "/api/filings", api.json("alice", TestData.enterprise())).status()).isEqualTo(201);
    }

    // 4. acknowledgements that are true

    @Test
    void anApprovalTheRegistryRefusesIsKeptNotAcknowledgedAsADuplicate() {
        String domain = TestData.domain();
        String first = api.apply("alice", TestData.enterprise(domain));
        String second = api.apply("bob", TestData.enterprise(domain));
        for (String id : List.of(first, second)) {
            String user = id.equals(first) ? "alice" : "bob";
            api.review(id, "APPROVE", "");
            api.awaitStatus(user, id, "SMS_VERIFICATION");
            assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
            api.awaitStatus(user, id, "CA_REVIEW");
        }
        assertThat(api.notice("FILING_APPROVED", first, number(first), null).status()).isEqualTo(202);
        String noticeId = "n-" + UUID.randomUUID();
        Http.Response collides = api.notice(noticeId, "FILING_APPROVED", second, number(second), null);
        assertThat(collides.status()).as(collides.body()).isEqualTo(409);
        assertThat(collides.json().get("code").asText()).isEqualTo("NOTICE_CONFLICT");
        assertThat(api.filing("bob", second).get("status").asText()).isEqualTo("CA_REVIEW");
        assertThat(jdbc.sql("select outcome from regulator_notice where notification_id = ?").param(noticeId)
                .query(String.class).single()).isEqualTo("CONFLICT");
        // operations see it as a task
        assertThat(api.http().get("ops", "/engine-rest/task?processInstanceBusinessKey=" + second
                + "&taskDefinitionKey=noticeConflictFollowUp").json()).hasSize(1);
        // the same notice again is now a duplicate of the kept one, never applied
        assertThat(api.notice(noticeId, "FILING_APPROVED", second, number(second), null).status()).isEqualTo(200);
        assertThat(api.filing("bob", second).get("status").asText()).isEqualTo("CA_REVIEW");
    }

    @Test
    void aMalformedIcpNumberInANoticeIsRefused() {
        String id = api.apply("alice", TestData.enterprise());
        for (String bad : List.of("浙ICP备" + "1".repeat(100) + "号", "<script>alert(1)</script>", "浙ICP备2026012345号-0", "ICP2026")) {
            Http.Response refused = api.notice("FILING_APPROVED", id, bad, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("icpNumber");
        }
        assertThat(jdbc.sql("select count(*) from regulator_notice where filing_id = ?").param(id).query(Long.class).single()).isZero();
    }

    private static String number(String filingId) {
        return TestData.subjectNumber(2026, Math.abs(filingId.hashCode()) % 1_000_000);
    }

    // 5. separation of duties: the regulator's messages come from the regulator's inbox only

    @Test
    void opsCannotForgeTheRegulatorsDecisionsNorSkipTheReview() {
        String id = api.apply("alice", TestData.enterprise());
        String body = "{\"messageName\":\"CaDecision\",\"businessKey\":\"" + id + "\",\"processVariables\":{"
                + "\"caDecision\":{\"value\":\"APPROVED\"},\"icpNumber\":{\"value\":\"浙ICP备2026999999号\"}}}";
        assertThat(api.http().post("ops", "/engine-rest/message", body).status()).isIn(400, 403, 500);
        String instance = api.http().get("ops", "/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey=providerStage")
                .json().get(0).get("id").asText();
        Http.Response modification = api.http().post("ops", "/engine-rest/process-instance/" + instance + "/modification",
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Activity_ProviderReview\"}]}");
        assertThat(modification.status()).isEqualTo(403);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void aRegulatorMessageWithoutItsNoticeIsRefusedEvenForAnAdmin() {
        String id = api.apply("alice", TestData.enterprise());
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        api.awaitStatus("alice", id, "CA_REVIEW");
        String forged = "{\"messageName\":\"CaDecision\",\"businessKey\":\"" + id + "\",\"processVariables\":{"
                + "\"caDecision\":{\"value\":\"APPROVED\"},\"icpNumber\":{\"value\":\"浙ICP备2026999998号\"},"
                + "\"regulatorNoticeId\":{\"value\":\"invented\"}}}";
        Http.Response refused = api.http().post("admin", "/engine-rest/message", forged);
        assertThat(refused.status()).isGreaterThanOrEqualTo(400);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("CA_REVIEW");
        assertThat(api.filing("alice", id).get("icpNumber").isNull()).isTrue();
        // the real notice still goes through
        String number = number(id);
        assertThat(api.http().notice("FILING_APPROVED", id, number).status()).isEqualTo(202);
        api.awaitStatus("alice", id, "APPROVED");
    }

    @Test
    void opsRetryFailedJobsOnlyAndItShowsInTheOperationLog() {
        String id = api.apply("alice", TestData.enterprise());
        String instance = api.http().get("ops", "/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey=providerStage")
                .json().get(0).get("id").asText();
        String job = api.http().get("admin", "/engine-rest/job?processInstanceId=" + instance).json().get(0).get("id").asText();
        // a healthy timer (the review's SLA): retrying it, or moving its due date, would fire or freeze it
        assertThat(api.http().put("ops", "/engine-rest/job/" + job + "/retries", "{\"retries\":3}").status()).isEqualTo(403);
        assertThat(api.http().put("ops", "/engine-rest/engine/default/job/" + job + "/retries", "{\"retries\":1}").status()).isEqualTo(403);
        // failed (its retries used up): Cockpit's retry goes through, and is logged
        management.setJobRetries(job, 0);
        assertThat(api.http().put("ops", "/engine-rest/job/" + job + "/retries",
                "{\"retries\":1,\"dueDate\":\"2026-01-01T00:00:00.000+0000\"}").status()).isEqualTo(403);
        assertThat(api.http().put("ops", "/engine-rest/job/" + job + "/retries", "{\"retries\":1}").status()).isEqualTo(204);
        assertThat(history.createUserOperationLogQuery().userId("ops").jobId(job).count()).isPositive();
    }

    @Test
    void anOldNoticeCannotEndANewWait() {
        var app = TestData.enterprise();
        String id = api.apply("alice", app);
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        api.awaitStatus("alice", id, "CA_REVIEW");
        String rejection = "n-" + UUID.randomUUID();
        assertThat(api.notice(rejection, "FILING_REJECTED", id, null, "网站名称不符").status()).isEqualTo(202);
        api.awaitStatus("alice", id, "CA_REJECTED");
        assertThat(api.resubmit("alice", id, app).status()).isLessThan(300);
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        api.awaitStatus("alice", id, "CA_REVIEW");
        // the first round's rejection, replayed by hand into the second round's wait
        String replay = "{\"messageName\":\"CaDecision\",\"businessKey\":\"" + id + "\",\"processVariables\":{"
                + "\"caDecision\":{\"value\":\"REJECTED\"},\"caReason\":{\"value\":\"x\"},"
                + "\"regulatorNoticeId\":{\"value\":\"" + rejection + "\"}}}";
        assertThat(api.http().post("admin", "/engine-rest/message", replay).status()).isGreaterThanOrEqualTo(400);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("CA_REVIEW");
    }

    // 7. subjects: a public USCC must not let another account block its owner

    @Test
    void anotherAccountsUnverifiedApplicationDoesNotBlockTheSubject() {
        var company = TestData.enterprise();
        // bob applies for alice's company under a principal's name of his choosing and passes the face check
        // with his own face: the check binds him to the name he typed, not to the company
        var squatting = TestData.withSubject(company, new io.icpflow.filing.FilingApplication.Subject(company.subject().kind(),
                company.subject().name(), company.subject().idNumber(), company.subject().province(),
                new io.icpflow.filing.FilingApplication.Contact("Bob", "bob@example.com", "13900000000")));
        String squatter = api.apply("bob", squatting);
        assertThat(api.filing("bob", squatter).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        // alice's own application of the same subject goes ahead, and learns nothing of bob's
        Http.Response own = api.http().post("alice", "/api/filings", api.json("alice", company));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        String ownId = own.json().get("id").asText();
        assertThat(api.http().post("alice", "/api/filings/" + ownId + "/withdrawal", "").status()).isLessThan(300);
        api.awaitStatus("alice", ownId, "WITHDRAWN");
        // once the other application has passed the provider's review it holds the subject, still without naming it
        api.review(squatter, "APPROVE", "");
        api.awaitStatus("bob", squatter, "SMS_VERIFICATION");
        Http.Response blocked = api.http().post("alice", "/api/filings", api.json("alice", company));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("code").asText()).isEqualTo("APPLICATION_IN_PROGRESS");
        assertThat(blocked.body()).doesNotContain(squatter);
        // the holder's own second application names its own filing
        Http.Response again = api.http().post("bob", "/api/filings", api.json("bob", company));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains(squatter);
    }

    // 8. the small ones

    @Test
    void theDocumentedMaximumApplicationIsReviewedNotA500() {
        List<io.icpflow.filing.FilingApplication.Website> websites = new java.util.ArrayList<>();
        for (int w = 0; w < 20; w++) {
            List<String> domains = new java.util.ArrayList<>();
            for (int d = 0; d < 20; d++) {
                domains.add(TestData.domain());
            }
            websites.add(new io.icpflow.filing.FilingApplication.Website("网站" + w, domains, "cn-hangzhou",
                    io.icpflow.filing.FilingApplication.Content.COMPANY, true));
        }
        Http.Response created = api.http().post("alice", "/api/filings", api.json("alice", TestData.withWebsites(TestData.enterprise(), websites)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        // one domain per website since 2019 (rules/domains-per-website.json): 380 findings, returned with every reason
        var returned = api.awaitStatus("alice", id, "RETURNED");
        assertThat(returned.get("reasons").size()).isGreaterThanOrEqualTo(20);
        String stage = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey("providerStage")
                .singleResult().getId();
        assertThat(runtime.getVariable(stage, "precheckFindings").toString()).hasSizeLessThanOrEqualTo(4000).contains("more line(s) not shown");
        assertThat(runtime.createIncidentQuery().processInstanceId(stage).count()).isZero();
    }

    @Test
    void aLookAlikeDomainIsFlaggedForTheReviewer() {
        String lookAlike = "аpple-" + UUID.randomUUID().toString().substring(0, 6) + ".cn"; // Cyrillic а
        String id = api.apply("alice", TestData.enterprise(lookAlike));
        api.awaitStatus("alice", id, "PROVIDER_REVIEW");
        String task = api.task("reviewer", id, "providerReview").get("id").asText();
        assertThat(tasks.getVariable(task, "precheckFindings").toString()).contains("WARNING").contains("look-alike");
        String plain = api.apply("alice", TestData.enterprise());
        String plainTask = api.task("reviewer", plain, "providerReview").get("id").asText();
        assertThat(tasks.getVariable(plainTask, "precheckFindings").toString()).doesNotContain("WARNING");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        String big = "{\"type\":\"NEW_FILING\",\"padding\":\"" + "x".repeat(66 * 1024) + "\"}";
        HttpResponse<String> response = chunked("alice", "/api/filings", big, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void oddPathsAndDatesAreClearRefusalsNot500s() {
        Http.Response early = api.http().get("analyst", "/api/analytics/summary?from=-999999999-01-01&to=2026-01-01");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(api.http().get("analyst", "/api/analytics/summary?from=2026-01-01&to=+999999999-12-31").status()).isEqualTo(400);
        for (String path : List.of("/camunda//api/admin/setup/default/user/create", "/api/filings/%2e%2e/%2e%2e/engine-rest/user",
                "/api/filings/..%2f..%2fengine-rest%2fuser", "/camunda/api/admin/setup/default/user/create/")) {
            Http.Response odd = api.http().post("alice", path, "{}");
            assertThat(odd.status()).as(path + " " + odd.body()).isBetween(400, 404);
        }
        assertThat(api.http().post(null, "/camunda//api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder2\"},\"credentials\":{\"password\":\"x\"}}").status()).isBetween(400, 404);
        assertThat(api.http().get("intruder2:x", "/api/filings").status()).isEqualTo(401);
    }

    @Test
    void anAccessCheckSaysNothingOfAnotherAccountsDomain() {
        var app = TestData.enterprise();
        String id = api.apply("alice", app);
        String domain = app.websites().get(0).domains().get(0);
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        api.notice("SMS_VERIFIED", id, null, null);
        api.awaitStatus("alice", id, "CA_REVIEW");
        api.notice("FILING_APPROVED", id, number(id), null);
        api.awaitStatus("alice", id, "APPROVED");
        Http.Response bobs = api.http().post("bob", "/api/access-checks", "{\"domain\":\"" + domain + "\",\"product\":\"CDN\"}");
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.json().get("outcome").asText()).isEqualTo("NOT_FILED");
        Http.Response alices = api.http().post("alice", "/api/access-checks", "{\"domain\":\"" + domain + "\",\"product\":\"CDN\"}");
        assertThat(alices.json().get("outcome").asText()).isEqualTo("WAITING_FOR_SYNC");
    }

    @Test
    void analystsSeeNoApplicantsPersonalDataInVariables() {
        var app = TestData.enterprise();
        String id = api.apply("alice", app);
        String task = api.task("reviewer", id, "providerReview").get("id").asText();
        String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        String idNumber = app.subject().idNumber();
        for (String path : List.of("/engine-rest/history/variable-instance?processInstanceId=" + instance,
                "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                "/engine-rest/history/variable-instance?variableName=subjectSummary")) {
            Http.Response read = api.http().get("analyst", path);
            assertThat(read.body()).as(path).doesNotContain(idNumber).doesNotContain(app.subject().contact().mobile());
        }
        // those who work the filing still see it
        Http.Response form = api.http().get("reviewer", "/engine-rest/task/" + task + "/form-variables");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(idNumber);
        assertThat(api.http().get("ops", "/engine-rest/history/variable-instance?processInstanceId=" + instance).body()).contains(idNumber);
    }

    // 6. tasks take only their form's variables; no variable shadows a bean

    @Test
    void aReviewerWritesOnlyTheFormsFields() {
        String id = api.apply("alice", TestData.enterprise());
        String task = api.task("reviewer", id, "providerReview").get("id").asText();
        String summary = tasks.getVariable(task, "subjectSummary").toString();
        Http.Response shadow = api.http().put("reviewer", "/engine-rest/task/" + task + "/variables/preChecks",
                "{\"value\":\"x\",\"type\":\"String\"}");
        assertThat(shadow.status()).isEqualTo(400);
        assertThat(shadow.json().get("code").asText()).isEqualTo("VARIABLE_NOT_IN_FORM");
        Http.Response modify = api.http().post("reviewer", "/engine-rest/task/" + task + "/variables",
                "{\"modifications\":{\"subjectSummary\":{\"value\":\"forged\",\"type\":\"String\"}}}");
        assertThat(modify.status()).isEqualTo(400);
        Http.Response local = api.http().put("reviewer", "/engine-rest/task/" + task + "/localVariables/precheckFindings",
                "{\"value\":\"none\",\"type\":\"String\"}");
        assertThat(local.status()).isEqualTo(400);
        Http.Response forgedCompletion = api.http().post("reviewer", "/engine-rest/task/" + task + "/complete", Http.json(Map.of("variables", Map.of(
                "reviewDecision", Map.of("value", "APPROVE", "type", "String"),
                "subjectSummary", Map.of("value", "a different company", "type", "String")))));
        assertThat(forgedCompletion.status()).isEqualTo(400);
        Http.Response submit = api.http().post("reviewer", "/engine-rest/task/" + task + "/submit-form", Http.json(Map.of("variables", Map.of(
                "reviewDecision", Map.of("value", "APPROVE", "type", "String"),
                "filingStatusRecorder", Map.of("value", "x", "type", "String")))));
        assertThat(submit.status()).isEqualTo(400);
        // the named engine's copy of the REST API takes the same rule
        Http.Response named = api.http().post("reviewer", "/engine-rest/engine/default/task/" + task + "/complete", Http.json(Map.of("variables", Map.of(
                "reviewDecision", Map.of("value", "APPROVE", "type", "String"),
                "subjectSummary", Map.of("value", "a different company", "type", "String")))));
        assertThat(named.status()).isEqualTo(400);
        // no form offers a BPMN error or escalation: APPLICATION_ENDED from the review would close the filing
        for (String action : List.of("bpmnError", "bpmnEscalation")) {
            Http.Response error = api.http().post("reviewer", "/engine-rest/task/" + task + "/" + action,
                    Http.json(Map.of("errorCode", ProviderStageProcess.ERROR_ENDED, "escalationCode", "X")));
            assertThat(error.status()).as(action).isEqualTo(403);
        }
        // nothing changed: the task is open, its display variables as the process wrote them, also in history
        assertThat(api.task("reviewer", id, "providerReview").get("id").asText()).isEqualTo(task);
        assertThat(tasks.getVariable(task, "subjectSummary")).hasToString(summary);
        assertThat(tasks.getVariable(task, "preCheckDelegate")).isNull();
        assertThat(history.createHistoricVariableInstanceQuery().variableName("subjectSummary").processInstanceId(
                tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId()).singleResult().getValue()).isEqualTo(summary);
        // the form's own fields still complete it
        api.review(id, "RETURN", "网站名称不符");
        api.awaitStatus("alice", id, "RETURNED");
    }

    @Test
    void aVariableNamedLikeABeanDoesNotReplaceIt() {
        var app = TestData.enterprise();
        String id = api.apply("alice", app);
        String stage = api.http().get("admin", "/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey=providerStage")
                .json().get(0).get("id").asText();
        // an admin may still set any process variable: it must not take the place of the pre-checks bean
        assertThat(api.http().put("admin", "/engine-rest/process-instance/" + stage + "/variables/preCheckDelegate",
                "{\"value\":\"shadow\",\"type\":\"String\"}").status()).isEqualTo(204);
        assertThat(api.http().put("admin", "/engine-rest/process-instance/" + stage + "/variables/filingStatusRecorder",
                "{\"value\":\"shadow\",\"type\":\"String\"}").status()).isEqualTo(204);
        api.review(id, "RETURN", "网站名称不符");
        api.awaitStatus("alice", id, "RETURNED");
        Http.Response resubmitted = api.resubmit("alice", id, app);
        assertThat(resubmitted.status()).as(resubmitted.body()).isLessThan(300);
        api.awaitStatus("alice", id, "PROVIDER_REVIEW");
    }

    private HttpResponse<String> send(String user, String path, String body, String contentType, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A body without a declared length (Transfer-Encoding: chunked). */
    private HttpResponse<String> chunked(String user, String path, String body, String contentType) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", contentType)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
