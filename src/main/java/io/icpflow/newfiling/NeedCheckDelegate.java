package io.icpflow.newfiling;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;

import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.Regions;
import io.icpflow.registry.FilingRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Does this application need a filing at all? Asks the {@code filingNeed} table for every domain and
 * every app; the application is {@code NOT_REQUIRED} only when none of its websites and apps needs one.
 */
@Component
class NeedCheckDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final NewFilingPolicy policy;
    private final Regions regions;
    private final DomainNames domainNames;
    private final FilingRegistry registry;

    NeedCheckDelegate(FilingRepository filings, NewFilingPolicy policy, Regions regions, DomainNames domainNames,
                      FilingRegistry registry) {
        this.filings = filings;
        this.policy = policy;
        this.regions = regions;
        this.domainNames = domainNames;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        List<Reason> notRequired = new ArrayList<>();
        boolean anyRequired = false;
        List<Website> websites = filing.application().websites();
        for (int i = 0; i < websites.size(); i++) {
            Website website = websites.get(i);
            String area = regions.find(website.serverRegion()).map(r -> r.area().name()).orElse("MAINLAND");
            for (int j = 0; j < website.domains().size(); j++) {
                String domain = website.domains().get(j);
                boolean subOfFiled = domainNames.isSubdomain(domain)
                        && registry.findDomain(domainNames.registrableDomain(domain)).isPresent();
                NewFilingPolicy.Need need = policy.need(area, subOfFiled);
                if (need.required()) {
                    anyRequired = true;
                } else {
                    String detail = need.reason() == ReasonCode.SERVER_OUTSIDE_MAINLAND ? website.serverRegion() : domain;
                    notRequired.add(new Reason(need.reason(), "websites[" + i + "].domains[" + j + "]", detail));
                }
            }
        }
        List<App> apps = filing.application().apps();
        for (int i = 0; i < apps.size(); i++) {
            // an app's service, like a website, needs a filing when it runs on mainland servers
            String area = regions.find(apps.get(i).serverRegion()).map(r -> r.area().name()).orElse("MAINLAND");
            NewFilingPolicy.Need need = policy.need(area, false);
            if (need.required()) {
                anyRequired = true;
            } else {
                notRequired.add(new Reason(need.reason(), "apps[" + i + "].serverRegion", apps.get(i).serverRegion()));
            }
        }
        if (!anyRequired) {
            filings.updateReasons(filing.id(), notRequired);
        }
        NewFilingProcess.FILING_REQUIRED.set(execution, anyRequired);
    }
}
