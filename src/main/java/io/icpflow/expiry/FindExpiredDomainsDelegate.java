package io.icpflow.expiry;

import io.icpflow.calendar.EngineClock;
import io.icpflow.registry.DomainFacts;
import io.icpflow.registry.DomainFactsPort;
import io.icpflow.registry.RegistryStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Checks the domains of our filings against the domain registries; each newly expired one gets one
 * deregistration proposal (a row in {@code expiry_proposal}, then its own proposal process).
 */
@Component
class FindExpiredDomainsDelegate implements JavaDelegate {

    private record Filed(String domain, String filingId, String holder) {
    }

    private final JdbcClient jdbc;
    private final DomainFactsPort domainFacts;
    private final RuntimeService runtime;

    FindExpiredDomainsDelegate(JdbcClient jdbc, DomainFactsPort domainFacts, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.domainFacts = domainFacts;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = EngineClock.todayInChina();
        List<Filed> filed = jdbc.sql("""
                        select d.domain, w.filing_id, s.name from icp_domain d
                        join icp_website w on w.icp_number = d.website_icp_number
                        join icp_subject s on s.id_number = w.subject_id_number
                        where w.status = ?
                          and not exists (select 1 from expiry_proposal p where p.domain = d.domain)""")
                .param(RegistryStatus.ACTIVE.name())
                .query((rs, n) -> new Filed(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        int proposals = 0;
        for (Filed f : filed) {
            DomainFacts facts = domainFacts.lookup(f.domain(), f.holder());
            if (facts.isExpired(today)) {
                jdbc.sql("insert into expiry_proposal (domain, filing_id, expired_on, proposed_at) values (?, ?, ?, ?)")
                        .params(f.domain(), f.filingId(), facts.expiresOn(), EngineClock.nowInChina()).update();
                runtime.startProcessInstanceByKey(ExpiryMonitorProcess.PROPOSAL_KEY, f.filingId(),
                        Map.of(ExpiryMonitorProcess.EXPIRED_DOMAIN.name(), f.domain()));
                proposals++;
            }
        }
        ExpiryMonitorProcess.PROPOSALS.set(execution, proposals);
    }
}
