package io.icpflow.miitnotices;

import io.icpflow.reference.DomainNames;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.IcpNumber;
import io.icpflow.regulator.NoticeRoute;
import io.icpflow.regulator.RegulatorNotice;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** MIIT's notices that start a process: a cancelled number (004) and an invalid filing (004). */
@Configuration(proxyBeanMethods = false)
class MiitNotices {

    /** One process per filing that held the number; the number the process releases is the notice's. */
    @Bean
    NoticeRoute numberCancelledNotices(FilingRegistry registry) {
        return new NoticeRoute() {
            @Override
            public String message() {
                return NumberCancelledProcess.MESSAGE;
            }

            @Override
            public Set<RegulatorNotice.Type> types() {
                return Set.of(RegulatorNotice.Type.ICP_NUMBER_CANCELLED);
            }

            @Override
            public Correlation correlationOf(RegulatorNotice notice) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(NumberCancelledProcess.CANCELLED_NUMBER.name(), notice.icpNumber());
                boolean app = IcpNumber.parse(notice.icpNumber()).filter(n -> n.kind() == IcpNumber.Kind.APP).isPresent();
                List<String> filings = app
                        ? registry.findApp(notice.icpNumber()).filter(FilingRegistry.RegisteredApp::isActive)
                                .map(FilingRegistry.RegisteredApp::filingId).stream().toList()
                        : registry.activeWebsitesUnder(notice.icpNumber()).stream()
                                .map(FilingRegistry.RegisteredWebsite::filingId).distinct().toList();
                return Correlation.starting(message(), filings, variables);
            }

            @Override
            public boolean matches(DelegateExecution execution, RegulatorNotice notice, String filingId) {
                return Objects.equals(notice.icpNumber(), NumberCancelledProcess.CANCELLED_NUMBER.get(execution));
            }

            @Override
            public boolean singleUse() {
                return false;
            }
        };
    }

    /** The website of that number holding the domain, unless a remediation of its filing already runs. */
    @Bean
    NoticeRoute filingInvalidNotices(FilingRegistry registry, DomainNames domainNames, RuntimeService runtime) {
        return new NoticeRoute() {
            @Override
            public String message() {
                return RemediationProcess.MESSAGE;
            }

            @Override
            public Set<RegulatorNotice.Type> types() {
                return Set.of(RegulatorNotice.Type.FILING_INVALID);
            }

            @Override
            public Correlation correlationOf(RegulatorNotice notice) {
                String domain = domainNames.normalize(notice.domain()).map(domainNames::registrableDomain).orElse(null);
                Optional<FilingRegistry.RegisteredDomain> held = domain == null ? Optional.empty() : registry.findDomain(domain)
                        .filter(d -> IcpNumber.subjectNumberOf(d.websiteIcpNumber()).equals(IcpNumber.subjectNumberOf(notice.icpNumber())))
                        .filter(d -> runtime.createProcessInstanceQuery().processDefinitionKey(RemediationProcess.KEY)
                                .processInstanceBusinessKey(d.filingId()).count() == 0);
                if (held.isEmpty()) {
                    return null;
                }
                Map<String, Object> variables = new HashMap<>();
                variables.put(RemediationProcess.DOMAIN.name(), domain);
                variables.put(RemediationProcess.WEBSITE_NUMBER.name(), held.get().websiteIcpNumber());
                return Correlation.starting(message(), List.of(held.get().filingId()), variables);
            }

            @Override
            public boolean matches(DelegateExecution execution, RegulatorNotice notice, String filingId) {
                return NoticeRoute.super.matches(execution, notice, filingId) && Objects.equals(
                        IcpNumber.subjectNumberOf(notice.icpNumber()),
                        IcpNumber.subjectNumberOf(RemediationProcess.WEBSITE_NUMBER.get(execution)));
            }
        };
    }
}
