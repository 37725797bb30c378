package io.icpflow.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.security.Principal;
import java.util.Map;

/**
 * The console's two pages: its sign-in, and the shell in which {@code /console/assets/console.js}
 * draws every view from the JSON API (zh-CN and en; the session's CSRF token is in the page).
 */
@Controller
class ConsolePages {

    @GetMapping("/console/login")
    String login() {
        return "console-login";
    }

    @GetMapping("/console")
    String withoutSlash() {
        return "redirect:/console/";
    }

    @GetMapping("/console/")
    org.springframework.web.servlet.ModelAndView console(Principal user) {
        return new org.springframework.web.servlet.ModelAndView("console", Map.of("user", user.getName()));
    }
}
