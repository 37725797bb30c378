package io.icpflow.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The staff pages' own sign-in and "not allowed" pages (zh-CN and en), with the session's CSRF token. */
@Controller
class StaffPagesController {

    @GetMapping("/login")
    String login() {
        return "staff-login";
    }

    /** Signing out is a POST with the session's token (LogoutFilter); this page asks for it. */
    @GetMapping("/logout")
    String logout() {
        return "staff-logout";
    }

    /** Any method: Spring Security forwards the refused request here as it came (a POST without its token too). */
    @RequestMapping("/denied")
    String denied() {
        return "staff-denied";
    }
}
