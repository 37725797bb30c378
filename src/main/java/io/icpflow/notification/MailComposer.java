package io.icpflow.notification;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders a mail's subject, text and HTML (Thymeleaf, messages from {@code i18n/messages*}), escaping applicant input. */
@Component
class MailComposer {

    record Rendered(String subject, String text, String html) {
    }

    private final TemplateEngine engine;
    private final MessageSource messages;

    MailComposer(MessageSource messages) {
        this.messages = messages;
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        this.engine = engine;
    }

    Rendered render(OutgoingMail mail) {
        Context context = new Context(mail.locale(), mail.model());
        context.setVariable("lang", mail.locale().toLanguageTag());
        String subject = messages.getMessage(mail.subjectKey(), mail.subjectArgs(), mail.locale());
        return new Rendered(subject,
                engine.process(mail.template() + ".txt", context),
                engine.process(mail.template() + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
