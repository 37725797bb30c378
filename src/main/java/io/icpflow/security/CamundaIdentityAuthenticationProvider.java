package io.icpflow.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.Hashing;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One set of users for the API, the REST API and the webapps: Camunda's identity service (passwords
 * stored salted and hashed). A user's groups become their authorities.
 *
 * <p>API clients send Basic credentials with every request; checking them costs two queries each
 * time, a fifth of a filing's statements in the benchmark. A successful check is therefore kept for
 * {@code icp.security.authentication-cache-ttl}, keyed by the user and a SHA-256 of the password, so
 * a different password always goes to the identity service (and counts towards its lockout).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final char KEY_SEPARATOR = '\n';

    private final IdentityService identity;
    private final Cache<String, List<SimpleGrantedAuthority>> checked;

    CamundaIdentityAuthenticationProvider(IdentityService identity, SecurityProperties properties) {
        this.identity = identity;
        this.checked = CacheBuilder.newBuilder()
                .expireAfterWrite(properties.authenticationCacheTtl())
                .maximumSize(properties.authenticationCacheTtl().isZero() ? 0 : 10_000)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || user.length() > 64 || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String key = user + KEY_SEPARATOR + Hashing.sha256().hashString(credentials.toString(), StandardCharsets.UTF_8);
        List<SimpleGrantedAuthority> groups = checked.getIfPresent(key);
        if (groups == null) {
            if (!identity.checkPassword(user, credentials.toString())) {
                // a failure means someone is guessing or the password changed: ask the identity service every time until the next success
                checked.asMap().keySet().removeIf(cached -> cached.startsWith(user + KEY_SEPARATOR));
                throw new BadCredentialsException("Bad credentials");
            }
            groups = identity.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
            checked.put(key, groups);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
