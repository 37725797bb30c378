package io.icpflow.filing;

import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.IcpNumber;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A per-website type (change or cancel a website, cancel access) given the caller's own subject number
 * takes that subject's one website here; with several, the applicant must name one (API.md: never
 * NUMBER_NOT_OURS for the caller's own number). The per-app types do the same with the subject's
 * apps. A number that is not the caller's is left to the pre-checks.
 */
@Component
class WebsiteNumbers {

    private final FilingRegistry registry;

    WebsiteNumbers(FilingRegistry registry) {
        this.registry = registry;
    }

    FilingApplication resolve(String owner, FilingApplication app) {
        if (app.type() == FilingType.CHANGE_SUBJECT) {
            // a subject change is about the subject, whichever of its numbers was given
            return app.withIcpNumber(IcpNumber.subjectNumberOf(app.icpNumber()));
        }
        if (app.type() == null || !(app.type().isPerWebsite() || app.type().isPerApp())) {
            return app;
        }
        return IcpNumber.parse(app.icpNumber())
                .filter(number -> number.kind() == IcpNumber.Kind.SUBJECT)
                .flatMap(number -> registry.findSubjectByNumber(number.toString()))
                .filter(subject -> subject.isActive() && subject.owner().equals(owner))
                .map(subject -> app.withIcpNumber(app.type().isPerApp() ? onlyApp(subject) : onlyWebsite(subject)))
                .orElse(app);
    }

    private String onlyWebsite(RegisteredSubject subject) {
        List<String> websites = registry.activeWebsitesOf(subject.idNumber()).stream().map(FilingRegistry.RegisteredWebsite::icpNumber).toList();
        if (websites.size() != 1) {
            throw ApiException.invalid(List.of(new FieldProblem("icpNumber", "WEBSITE_NUMBER_REQUIRED",
                    "the subject has " + websites.size() + " websites here: name the website's number (" + subject.icpNumber() + "-N)")));
        }
        return websites.get(0);
    }

    private String onlyApp(RegisteredSubject subject) {
        List<String> apps = registry.activeAppsOf(subject.idNumber()).stream().map(FilingRegistry.RegisteredApp::icpNumber).toList();
        if (apps.size() != 1) {
            throw ApiException.invalid(List.of(new FieldProblem("icpNumber", "APP_NUMBER_REQUIRED",
                    "the subject has " + apps.size() + " apps here: name the app's number (" + subject.icpNumber() + "-NA)")));
        }
        return apps.get(0);
    }
}
