package io.icpflow.filing;

import io.icpflow.calendar.EngineClock;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.verification.VerificationSessions;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link FilingView}s: reason messages in the filing's locale, website numbers, the timeline at China time. */
@Component
class FilingViews {

    private final FilingRepository filings;
    private final FilingRegistry registry;
    private final ReasonMessages texts;
    private final VerificationSessions verification;

    FilingViews(FilingRepository filings, FilingRegistry registry, ReasonMessages texts, VerificationSessions verification) {
        this.verification = verification;
        this.filings = filings;
        this.registry = registry;
        this.texts = texts;
    }

    /** Website index and app index → the number the filing shows for it. */
    record Numbers(Map<Integer, String> websites, Map<Integer, String> apps) {
    }

    /** A per-website or per-app type is about the one number it names; the other types' numbers are MIIT's approval. */
    Numbers numbers(Filing filing) {
        FilingType type = filing.type();
        boolean issued = filing.icpNumber() != null && !type.isPerWebsite() && !type.isPerApp();
        return new Numbers(
                type.isPerWebsite() ? Map.of(0, filing.application().icpNumber()) : issued ? registry.websiteNumbers(filing.id()) : Map.of(),
                type.isPerApp() ? Map.of(0, filing.application().icpNumber()) : issued ? registry.appNumbers(filing.id()) : Map.of());
    }

    FilingView of(Filing filing) {
        Locale locale = ReasonMessages.locale(filing.locale());
        Numbers issued = numbers(filing);
        Map<Integer, String> numbers = issued.websites();
        Map<Integer, String> appNumbers = issued.apps();
        List<FilingView.WebsiteView> websites = new ArrayList<>();
        List<FilingApplication.Website> applied = filing.application().websites();
        for (int i = 0; i < applied.size(); i++) {
            websites.add(new FilingView.WebsiteView(applied.get(i).name(), applied.get(i).domains(), numbers.get(i),
                    applied.get(i).serverRegion(), applied.get(i).serviceNumber()));
        }
        List<FilingView.AppView> apps = new ArrayList<>();
        List<FilingApplication.App> appliedApps = filing.application().apps();
        for (int i = 0; i < appliedApps.size(); i++) {
            apps.add(new FilingView.AppView(appliedApps.get(i).name(), appliedApps.get(i).platformNames(), appNumbers.get(i),
                    appliedApps.get(i).serverRegion(), appliedApps.get(i).serviceNumber()));
        }
        return new FilingView(
                filing.id(),
                filing.type(),
                filing.status(),
                filing.reasons().stream()
                        .map(r -> texts.view(r, locale))
                        .toList(),
                filing.notices().stream()
                        .map(r -> texts.view(r, locale))
                        .toList(),
                filing.icpNumber(),
                websites,
                apps,
                filings.timeline(filing.id()).stream()
                        .map(t -> new FilingView.TimelineView(EngineClock.inChina(t.at()), t.status()))
                        .toList(),
                filing.locale(),
                EngineClock.inChina(filing.createdAt()),
                new FilingView.Verification(verification.round(filing.id()).latest().stream()
                        .map(v -> new FilingView.VerificationSessionView(v.id(), v.who(), v.url(), v.expiresAt(), v.status().name()))
                        .toList()));
    }
}
