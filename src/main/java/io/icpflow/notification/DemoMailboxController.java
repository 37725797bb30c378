package io.icpflow.notification;

import io.icpflow.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /demo/mailbox/}: every mail the demo sent, for {@code admin} (staff sign-in); none in prod. */
@Controller
class DemoMailboxController {

    private final ObjectProvider<DemoMailbox> mailbox;

    DemoMailboxController(ObjectProvider<DemoMailbox> mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/demo/mailbox/")
    String list(Model model) {
        DemoMailbox box = mailbox.getIfAvailable();
        if (box == null) {
            throw ApiException.notFound("The demo mailbox");
        }
        model.addAttribute("running", box.running());
        model.addAttribute("mails", box.mails());
        return "demo-mailbox";
    }

    @GetMapping("/demo/mailbox/{number}")
    String mail(@PathVariable String number, Model model) {
        DemoMailbox box = mailbox.getIfAvailable();
        if (box == null || !number.matches("[1-9]\\d{0,6}")) {
            throw ApiException.notFound("Mail " + number);
        }
        model.addAttribute("mail", box.mail(Integer.parseInt(number)).orElseThrow(() -> ApiException.notFound("Mail " + number)));
        return "demo-mail";
    }
}
