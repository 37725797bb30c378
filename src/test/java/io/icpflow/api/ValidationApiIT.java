package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icpflow.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: a 400 problem with errors[] naming the field, and nothing created. */
@ApiTest
class ValidationApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "type                          | \"NEW_THING\"          | type                         | UNKNOWN_VALUE",
            "type                          | null                   | type                         | REQUIRED",
            "type                          | \"CANCEL_SUBJECT\"     | reason                       | REQUIRED",
            "type                          | \"TRANSFER\"           | icpNumber                    | REQUIRED",
            "locale                        | \"fr\"                 | locale                       | UNKNOWN_VALUE",
            "subject.kind                  | \"COMPANY\"            | subject.kind                 | UNKNOWN_VALUE",
            "subject.idNumber              | \"91350100M000100Y44\" | subject.idNumber             | INVALID_CHECK_CHARACTER",
            "subject.idNumber              | \"12345\"              | subject.idNumber             | INVALID_FORMAT",
            "subject.province              | \"XX\"                 | subject.province             | UNKNOWN_VALUE",
            "subject.name                  | \"\"                   | subject.name                 | REQUIRED",
            "subject.contact.email         | \"not-an-email\"       | subject.contact.email        | INVALID_FORMAT",
            "subject.contact.mobile        | \"12345\"              | subject.contact.mobile       | INVALID_FORMAT",
            "websites                      | []                     | websites                     | REQUIRED",
            "websites[0].serverRegion      | \"mars-1\"             | websites[0].serverRegion     | UNKNOWN_VALUE",
            "websites[0].content           | \"ADULT\"              | websites[0].content          | UNKNOWN_VALUE",
            "websites[0].preApprovalCategories | [\"LOTTERY\"]      | websites[0].preApprovalCategories[0] | UNKNOWN_VALUE",
            "websites[0].preApprovalCategories | [null]             | websites[0].preApprovalCategories[0] | REQUIRED",
            "websites[0].domains           | [\"exa mple.cn\"]      | websites[0].domains[0]       | INVALID_DOMAIN",
            "websites[0].domains           | [\"cn\"]               | websites[0].domains[0]       | INVALID_DOMAIN",
            "websites[0].domains           | []                     | websites[0].domains          | REQUIRED",
            "websites[0].name              | \"a\\u0000b\"          | websites[0].name             | INVALID_CHARACTERS",
            // shown reversed, invisible, or as a line break to a reviewer: refused like the C0 controls
            "websites[0].name              | \"abc\\u202Egnp.exe\"   | websites[0].name             | INVALID_CHARACTERS",
            "subject.name                  | \"示例\\u200B公司\"        | subject.name                 | INVALID_CHARACTERS",
            "subject.name                  | \"示例\\u2028公司\"        | subject.name                 | INVALID_CHARACTERS",
            "subject.name                  | \"示例\\u0085公司\"        | subject.name                 | INVALID_CHARACTERS",
            // one address that a mail server can deliver to, nothing else
            "subject.contact.email         | \"a@x.com,b\"          | subject.contact.email        | INVALID_FORMAT",
            "subject.contact.email         | \"A <a@x.com>\"        | subject.contact.email        | INVALID_FORMAT",
            "subject.contact.email         | \"a@x..com\"           | subject.contact.email        | INVALID_FORMAT"
    })
    void fieldProblems(String path, String value, String field, String code) throws Exception {
        ObjectNode body = (ObjectNode) Http.JSON.valueToTree(TestData.enterprise());
        set(body, path, Http.JSON.readTree(value));
        assertRefused(body.toString(), field, code);
    }

    @Test
    void individualsResidentIdCheckDigit() throws Exception {
        ObjectNode body = (ObjectNode) Http.JSON.valueToTree(TestData.individual(io.icpflow.filing.FilingApplication.Content.PERSONAL));
        ((ObjectNode) body.get("subject")).put("idNumber", "110105194912310021");
        assertRefused(body.toString(), "subject.idNumber", "INVALID_CHECK_DIGIT");
    }

    @Test
    void malformedJson() {
        assertRefused("{\"type\": \"NEW_FILING\", ", "", "MALFORMED_JSON");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        ObjectNode body = (ObjectNode) Http.JSON.valueToTree(TestData.enterprise());
        ((ObjectNode) body.get("subject")).put("province", "XX");
        ((ObjectNode) body.get("subject")).put("idNumber", "91350100M000100Y44");
        Http.Response response = api.http().post("alice", "/api/filings", body.toString());
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("subject.province", "subject.idNumber");
    }

    @Test
    void idnIsStoredAsLowerCaseAscii() {
        String id = api.apply("alice", TestData.enterprise("例子" + System.nanoTime() % 100000 + ".中国"));
        String stored = api.filing("alice", id).get("websites").get(0).get("domains").get(0).asText();
        assertThat(stored).startsWith("xn--").endsWith(".xn--fiqs8s");
    }

    private void assertRefused(String body, String field, String code) {
        long before = filings();
        Http.Response response = api.http().post("alice", "/api/filings", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo(field);
            assertThat(e.get("code").asText()).isEqualTo(code);
            assertThat(e.get("message").asText()).isNotBlank();
        });
        assertThat(filings()).isEqualTo(before);
    }

    private long filings() {
        return jdbc.sql("select count(*) from filing").query(Long.class).single();
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        ((ObjectNode) node).set(last, value);
    }

    private static JsonNode step(JsonNode node, String part) {
        if (part.endsWith("]")) {
            String name = part.substring(0, part.indexOf('['));
            int index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
            return node.get(name).get(index);
        }
        return node.get(part);
    }
}
