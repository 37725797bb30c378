package io.icpflow.filing;

import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.reference.Regions;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Moving a filed website to another of our regions. A move from the mainland to Hong Kong, Macau,
 * Taiwan or overseas may get the filing revoked (002 §1): the applicant is warned and must confirm
 * before it is applied.
 */
@Service
public class WebsiteChanges {

    public record Change(Integer websiteIndex, String serverRegion, Boolean confirmRevocationRisk) {
    }

    private final FilingRepository filings;
    private final FilingRegistry registry;
    private final Regions regions;
    private final FilingViews views;
    private final ReasonMessages texts;

    WebsiteChanges(FilingRepository filings, FilingRegistry registry, Regions regions, FilingViews views, ReasonMessages texts) {
        this.filings = filings;
        this.registry = registry;
        this.regions = regions;
        this.views = views;
        this.texts = texts;
    }

    @Transactional
    public FilingView move(String owner, String id, Change change) {
        Filing filing = filings.findOwned(id, owner).orElseThrow(() -> ApiException.notFound("Filing " + id));
        List<Website> websites = filing.application().websites();
        List<FieldProblem> errors = new ArrayList<>();
        if (change == null || change.websiteIndex() == null) {
            errors.add(new FieldProblem("websiteIndex", "REQUIRED", "is required"));
        } else if (change.websiteIndex() < 0 || change.websiteIndex() >= websites.size()) {
            errors.add(new FieldProblem("websiteIndex", "OUT_OF_RANGE", "this filing has " + websites.size() + " website(s)"));
        }
        if (change == null || change.serverRegion() == null || regions.find(change.serverRegion()).isEmpty()) {
            errors.add(new FieldProblem("serverRegion", change == null || change.serverRegion() == null ? "REQUIRED" : "UNKNOWN_VALUE",
                    "one of our regions"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (filing.status() != FilingStatus.ACTIVE) {
            throw ApiException.conflict("NOT_CHANGEABLE", "Only an ACTIVE filing's websites can move; this one is " + filing.status());
        }
        Website website = websites.get(change.websiteIndex());
        boolean leavesMainland = regions.isMainland(website.serverRegion()) && !regions.isMainland(change.serverRegion());
        Reason warning = new Reason(ReasonCode.FILING_MAY_BE_REVOKED, "websites[" + change.websiteIndex() + "].serverRegion",
                change.serverRegion());
        if (leavesMainland && !Boolean.TRUE.equals(change.confirmRevocationRisk())) {
            throw new ApiException(HttpStatus.CONFLICT, ReasonCode.FILING_MAY_BE_REVOKED.name(),
                    texts.message(warning, ReasonMessages.locale(filing.locale())),
                    List.of(new FieldProblem("confirmRevocationRisk", ReasonCode.FILING_MAY_BE_REVOKED.name(),
                            "send again with confirmRevocationRisk: true to move it anyway")));
        }
        List<Website> moved = new ArrayList<>(websites);
        moved.set(change.websiteIndex(), new Website(website.name(), website.domains(), change.serverRegion(), website.content(),
                website.domainCertificate(), website.preApprovalCategories(), website.serviceNumber(), website.materials(),
                website.domainHeldByForeignParent()));
        FilingApplication app = filing.application();
        filings.updateApplication(id, app.withWebsites(moved), EngineClock.nowInChina());
        registry.moveWebsite(id, change.websiteIndex(), change.serverRegion());
        if (leavesMainland) {
            List<Reason> notices = new ArrayList<>(filing.notices());
            notices.add(warning);
            filings.updateNotices(id, notices);
        }
        return views.of(filings.get(id));
    }
}
