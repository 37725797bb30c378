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

    /** Any method: Spring Security forwards the refused request here as it came (a POST without its token too). */
    @RequestMapping("/denied")
    String denied() {
        return "staff-denied";
    }
}
