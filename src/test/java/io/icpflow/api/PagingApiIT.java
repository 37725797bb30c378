package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Long lists a page at a time: the first page for a client that asks for none, a total, a stable order, the bounds. */
@ApiTest
class PagingApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @Test
    void theCallersFilingsPageByPageNewestFirstWithTheTotal() {
        for (int i = 0; i < 3; i++) {
            api.apply("bob", TestData.enterprise());
        }
        long total = jdbc.sql("select count(*) from filing where owner = 'bob'").query(Long.class).single();
        Http.Response first = api.http().get("bob", "/api/filings?page=0&size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        assertThat(first.header("X-Total-Count")).isEqualTo(String.valueOf(total));
        assertThat(first.header("Link")).contains("</api/filings?page=1&size=2>; rel=\"next\"");
        Http.Response second = api.http().get("bob", "/api/filings?page=1&size=2");
        assertThat(second.header("Link")).contains("rel=\"prev\"");

        List<String> ids = new ArrayList<>();
        first.json().forEach(f -> ids.add(f.get("id").asText()));
        second.json().forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates();
        List<String> createdAt = new ArrayList<>();
        first.json().forEach(f -> createdAt.add(f.get("createdAt").asText()));
        second.json().forEach(f -> createdAt.add(f.get("createdAt").asText()));
        assertThat(createdAt).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));

        // a client that asks for no page: the first page, items in the same shape
        Http.Response unpaged = api.http().get("bob", "/api/filings");
        assertThat(unpaged.json().size()).isEqualTo((int) Math.min(total, 50));
        JsonNode item = unpaged.json().get(0);
        assertThat(item.get("id").asText()).isEqualTo(ids.get(0));
        assertThat(item.has("status") && item.has("timeline") && item.has("websites")).isTrue();
    }

    @Test
    void theCallersAccessChecksPageByPage() {
        for (int i = 0; i < 3; i++) {
            api.http().post("bob", "/api/access-checks", Http.json(java.util.Map.of("domain", TestData.domain(), "product", "CDN")));
        }
        long total = jdbc.sql("select count(*) from access_check where owner = 'bob'").query(Long.class).single();
        Http.Response first = api.http().get("bob", "/api/access-checks?size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        assertThat(first.header("X-Total-Count")).isEqualTo(String.valueOf(total));
        assertThat(first.json().get(0).get("outcome").asText()).isEqualTo("NOT_FILED");
        assertThat(api.http().get("alice", "/api/access-checks?size=200").json())
                .noneMatch(c -> c.get("id").asText().equals(first.json().get(0).get("id").asText()));
        assertThat(api.http().get("bob", "/api/access-checks?page=-1").status()).isEqualTo(400);
    }

    @Test
    void badPagesAreProblemsNamingTheParameter() {
        for (String query : List.of("page=-1", "size=0", "size=201")) {
            Http.Response bad = api.http().get("alice", "/api/filings?" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(api.http().get("alice", "/api/subjects?size=201").status()).isEqualTo(400);
        Http.Response subjects = api.http().get("alice", "/api/subjects?size=1");
        assertThat(subjects.status()).isEqualTo(200);
        assertThat(subjects.json().size()).isLessThanOrEqualTo(1);
        assertThat(subjects.header("X-Total-Count")).isNotNull();
    }
}
