package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md: 401 without or with wrong credentials, 403 for the wrong role, 404 for another applicant's filing. */
@ApiTest
class SecurityApiIT {

    @Autowired ApiDriver api;

    @Test
    void healthAndOpenApiNeedNoLogin() {
        Http.Response health = api.http().get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        Http.Response openApi = api.http().get(null, "/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/filings")).isTrue();
        assertThat(openApi.json().get("paths").has("/api/regulator/notifications")).isTrue();
    }

    @Test
    void missingOrWrongCredentialsAre401() {
        assertThat(api.http().get(null, "/api/filings").status()).isEqualTo(401);
        assertThat(api.http().get("alice:wrong", "/api/filings").status()).isEqualTo(401);
        assertThat(api.http().get("nobody:nobody", "/api/filings").status()).isEqualTo(401);
        assertThat(api.http().post(null, "/api/regulator/notifications", "{}").status()).isEqualTo(401);
        assertThat(api.http().get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(api.http().get("reviewer:wrong", "/engine-rest/task").status()).isEqualTo(401);
        Http.Response problem = api.http().get(null, "/api/filings");
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void wrongRoleIs403() {
        assertThat(api.http().get("regulator", "/api/filings").status()).isEqualTo(403);
        assertThat(api.http().get("reviewer", "/api/filings").status()).isEqualTo(403);
        assertThat(api.http().post("alice", "/api/regulator/notifications",
                "{\"notificationId\":\"x\",\"type\":\"SMS_VERIFIED\",\"filingId\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.http().get("alice", "/engine-rest/task").status()).isEqualTo(403);
        assertThat(api.http().get("regulator", "/engine-rest/task").status()).isEqualTo(403);
    }

    @Test
    void anotherApplicantsFilingIs404() {
        String id = api.apply("alice", TestData.enterprise());
        assertThat(api.http().get("bob", "/api/filings/" + id).status()).isEqualTo(404);
        assertThat(api.http().post("bob", "/api/filings/" + id + "/withdrawal", null).status()).isEqualTo(404);
        assertThat(api.http().get("alice", "/api/filings/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(api.http().get("alice", "/api/filings/..%2F..%2Fetc").status()).isIn(400, 404);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void eachTeamSeesItsOwnTasksOnly() {
        FilingApplication app = TestData.enterprise();
        String id = api.apply("alice", app);
        JsonNode instance = api.http().get("admin", "/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey=providerStage").json().get(0);
        JsonNode job = api.http().get("admin", "/engine-rest/job?timers=true&processInstanceId=" + instance.get("id").asText()).json().get(0);
        assertThat(api.http().post("admin", "/engine-rest/job/" + job.get("id").asText() + "/execute", null).status()).isEqualTo(204);
        // the review is late: operations have an escalation task, the reviewers still the review; they
        // read their stage's escalation too, but only operations may work it
        assertThat(api.http().get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id).json())
                .extracting(t -> t.get("taskDefinitionKey").asText()).containsExactlyInAnyOrder("providerReview", "reviewOverdue");
        assertThat(api.http().get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id + "&candidateGroup=icp-reviewers").json())
                .extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("providerReview");
        JsonNode escalations = api.http().get("ops", "/engine-rest/task?processInstanceBusinessKey=" + id).json();
        assertThat(escalations).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("reviewOverdue");
        // scannable like the reviewers' list: the filing and whose it is
        assertThat(escalations.get(0).get("name").asText()).isEqualTo("Review of " + id + " overdue · " + app.subject().name());
        assertThat(api.http().get("analyst", "/engine-rest/task?processInstanceBusinessKey=" + id).json()).isEmpty();
        String reviewTask = api.task("reviewer", id, "providerReview").get("id").asText();
        assertThat(api.http().post("ops", "/engine-rest/task/" + reviewTask + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}").status()).isEqualTo(403);
        assertThat(api.http().post("reviewer", "/engine-rest/task/" + escalations.get(0).get("id").asText() + "/complete", "{}").status())
                .isEqualTo(403);
        assertThat(api.http().post("reviewer", "/engine-rest/task/" + reviewTask + "/claim", "{\"userId\":\"reviewer\"}").status())
                .as("working the review still comes from its candidate group").isEqualTo(204);
    }

    @Test
    void reviewersWorkTheirTasksThroughTheEngineRestApi() {
        String id = api.apply("alice", TestData.enterprise());
        String task = api.task("reviewer", id, "providerReview").get("id").asText();
        Http.Response noReason = api.http().post("reviewer", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"RETURN\"}}}");
        // Camunda wraps a listener's refusal (ENGINE-03051): Tasklist shows the message, the task stays open
        assertThat(noReason.status()).isNotEqualTo(204);
        assertThat(noReason.body()).contains("a RETURN needs reviewReasons");
        assertThat(api.task("reviewer", id, "providerReview").get("id").asText()).isEqualTo(task);
        assertThat(api.task("reviewer", id, "providerReview").get("name").asText()).contains(id);
        assertThat(api.http().get("admin", "/engine-rest/task?processInstanceBusinessKey=" + id).json()).hasSize(1);
    }
}
