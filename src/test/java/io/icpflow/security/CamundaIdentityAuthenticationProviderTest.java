package io.icpflow.security;

import io.icpflow.EngineTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checked credentials are trusted for the cache's lifetime; any failure sends the user back to the identity service. */
@EngineTest
class CamundaIdentityAuthenticationProviderTest {

    @Autowired IdentityService identity;

    @Test
    void aCheckedPasswordIsTrustedUntilAFailureForThatUser() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, new SecurityProperties(false, Duration.ofMinutes(5), true));
        String user = newUser("first-password");
        assertThat(provider.authenticate(credentials(user, "first-password")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly(Groups.ANALYSTS);

        changePassword(user, "second-password");
        assertThat(provider.authenticate(credentials(user, "first-password")).isAuthenticated())
                .as("within the cache's lifetime the checked password still counts").isTrue();

        assertThatThrownBy(() -> provider.authenticate(credentials(user, "a-guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(credentials(user, "first-password")))
                .as("after a failure the identity service decides again").isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutACacheEveryRequestIsChecked() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, new SecurityProperties(false, Duration.ZERO, true));
        String user = newUser("first-password");
        assertThat(provider.authenticate(credentials(user, "first-password")).isAuthenticated()).isTrue();
        changePassword(user, "second-password");
        assertThatThrownBy(() -> provider.authenticate(credentials(user, "first-password"))).isInstanceOf(BadCredentialsException.class);
    }

    private String newUser(String password) {
        String id = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, Groups.ANALYSTS);
        return id;
    }

    private void changePassword(String id, String password) {
        User user = identity.createUserQuery().userId(id).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
    }

    private static Authentication credentials(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
