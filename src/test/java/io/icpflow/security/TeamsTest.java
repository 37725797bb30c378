package io.icpflow.security;

import io.icpflow.EngineTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The teams of API.md and the demo users: groups, hashed passwords, webapp access per team. */
@EngineTest
@ExcludeFromProcessCoverage // starts no process
class TeamsTest {

    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired JdbcClient jdbc;

    @Test
    void usersGroupsAndHashedPasswords() {
        assertThat(identity.createGroupQuery().groupMember("alice").singleResult().getId()).isEqualTo(Groups.APPLICANTS);
        assertThat(identity.createGroupQuery().groupMember("regulator").singleResult().getId()).isEqualTo(Groups.REGULATOR);
        assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(g -> g.getId()).contains(Groups.ADMIN);
        assertThat(identity.checkPassword("reviewer", "reviewer")).isTrue();
        List<String> stored = jdbc.sql("select PWD_ from ACT_ID_USER where ID_ in ('alice', 'reviewer')").query(String.class).list();
        assertThat(stored).hasSize(2).allSatisfy(pwd -> assertThat(pwd).startsWith("{SHA-512}").doesNotContain("alice").doesNotContain("reviewer"));
    }

    @Test
    void webappsPerTeam() {
        assertThat(authorizations.isUserAuthorized("reviewer", List.of(Groups.REVIEWERS), Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("reviewer", List.of(Groups.REVIEWERS), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("ops", List.of(Groups.OPS), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizations.isUserAuthorized("analyst", List.of(Groups.ANALYSTS), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizations.isUserAuthorized("analyst", List.of(Groups.ANALYSTS), Permissions.UPDATE, Resources.PROCESS_INSTANCE, "*")).isFalse();
        assertThat(authorizations.isUserAuthorized("alice", List.of(Groups.APPLICANTS), Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
    }
}
