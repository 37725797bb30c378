package io.icpflow.filing;

import io.icpflow.calendar.EngineClock;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.verification.VerificationSessions;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
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
        return numbers(List.of(filing)).get(filing.id());
    }

    private Map<String, Numbers> numbers(List<Filing> page) {
        List<String> issued = page.stream().filter(FilingViews::holdsIssuedNumbers).map(Filing::id).toList();
        Map<String, Map<Integer, String>> websites = registry.websiteNumbers(issued);
        Map<String, Map<Integer, String>> apps = registry.appNumbers(issued);
        Map<String, Numbers> numbers = new HashMap<>();
        for (Filing filing : page) {
            FilingType type = filing.type();
            numbers.put(filing.id(), new Numbers(
                    type.isPerWebsite() ? Map.of(0, filing.application().icpNumber()) : websites.getOrDefault(filing.id(), Map.of()),
                    type.isPerApp() ? Map.of(0, filing.application().icpNumber()) : apps.getOrDefault(filing.id(), Map.of())));
        }
        return numbers;
    }

    private static boolean holdsIssuedNumbers(Filing filing) {
        return filing.icpNumber() != null && !filing.type().isPerWebsite() && !filing.type().isPerApp();
    }

    String nextStep(Filing filing, Locale locale) {
        return texts.nextStep(filing, locale);
    }

    FilingView of(Filing filing) {
        return of(List.of(filing)).get(0);
    }

    /** The views of a page of filings: its numbers, timelines and verification rounds each read in one query, not one per filing. */
    List<FilingView> of(List<Filing> page) {
        List<String> ids = page.stream().map(Filing::id).toList();
        Map<String, Numbers> numbers = numbers(page);
        Map<String, List<FilingRepository.TimelineEntry>> timelines = filings.timelines(ids);
        Map<String, VerificationSessions.Round> rounds = verification.rounds(ids);
        return page.stream().map(filing -> view(filing, numbers.get(filing.id()), timelines.getOrDefault(filing.id(), List.of()),
                rounds.get(filing.id()))).toList();
    }

    private FilingView view(Filing filing, Numbers issued, List<FilingRepository.TimelineEntry> timeline, VerificationSessions.Round round) {
        Locale locale = ReasonMessages.locale(filing.locale());
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
                timeline.stream()
                        .map(t -> new FilingView.TimelineView(EngineClock.inChina(t.at()), t.status()))
                        .toList(),
                filing.locale(),
                EngineClock.inChina(filing.createdAt()),
                new FilingView.Verification(round == null ? List.of() : round.latest().stream()
                        .map(v -> new FilingView.VerificationSessionView(v.id(), v.who(), v.url(), v.expiresAt(), v.status().name()))
                        .toList()));
    }
}
