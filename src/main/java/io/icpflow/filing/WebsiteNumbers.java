package io.icpflow.filing;

import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.IcpNumber;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A per-website type (cancel a website, cancel access) given the caller's own subject number takes that
 * subject's one website here; with several, the applicant must name one (API.md: never NUMBER_NOT_OURS
 * for the caller's own number). A number that is not the caller's is left to the pre-checks.
 */
@Component
class WebsiteNumbers {

    private final FilingRegistry registry;

    WebsiteNumbers(FilingRegistry registry) {
        this.registry = registry;
    }

    FilingApplication resolve(String owner, FilingApplication app) {
        if (app.type() == null || !app.type().isPerWebsite()) {
            return app;
        }
        return IcpNumber.parse(app.icpNumber())
                .filter(number -> number.kind() == IcpNumber.Kind.SUBJECT)
                .flatMap(number -> registry.findSubjectByNumber(number.toString()))
                .filter(subject -> subject.isActive() && subject.owner().equals(owner))
                .map(subject -> {
                    List<RegisteredWebsite> websites = registry.activeWebsitesOf(subject.idNumber());
                    if (websites.size() != 1) {
                        throw ApiException.invalid(List.of(new FieldProblem("icpNumber", "WEBSITE_NUMBER_REQUIRED",
                                "the subject has " + websites.size() + " websites here: name the website's number ("
                                        + subject.icpNumber() + "-N)")));
                    }
                    return new FilingApplication(app.type(), app.locale(), app.subject(), app.websites(),
                            websites.get(0).icpNumber(), app.reason());
                })
                .orElse(app);
    }
}
