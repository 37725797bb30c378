package io.icpflow.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The console's sign-in: the same users and password check as everywhere, but only members of
 * {@code icp-applicants} get a session; staff, the regulator and the verifier are refused at the door.
 */
final class ApplicantsOnly implements AuthenticationProvider {

    /** A right password of a user who is not an applicant: refused, and the page says why. */
    static final class NotAnApplicant extends AccountStatusException {
        NotAnApplicant() {
            super("The console is for applicants");
        }
    }

    private final AuthenticationProvider users;

    ApplicantsOnly(AuthenticationProvider users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication checked = users.authenticate(authentication);
        if (checked == null || checked.getAuthorities().stream().noneMatch(a -> Groups.APPLICANTS.equals(a.getAuthority()))) {
            throw new NotAnApplicant();
        }
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return users.supports(authentication);
    }
}
