package io.icpflow.miitnotices;

import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.IcpNumber;
import io.icpflow.registry.RegistryStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

/** MIIT cancelled a number: this filing's websites under it are released in our registry (004). */
@Component
class ApplyNumberCancellationDelegate implements JavaDelegate {

    private final FilingRegistry registry;

    ApplyNumberCancellationDelegate(FilingRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = NumberCancelledProcess.CANCELLED_NUMBER.get(execution);
        String filingId = execution.getProcessBusinessKey();
        if (IcpNumber.parse(number).filter(n -> n.kind() == IcpNumber.Kind.APP).isPresent()) {
            registry.findApp(number).filter(app -> app.isActive() && app.filingId().equals(filingId))
                    .ifPresent(app -> registry.cancelApp(number));
            return;
        }
        List<RegisteredWebsite> affected = registry.activeWebsitesUnder(number).stream()
                .filter(w -> w.filingId().equals(filingId)).toList();
        if (affected.isEmpty()) {
            return;
        }
        String subjectId = affected.get(0).subjectIdNumber();
        boolean wholeSubject = IcpNumber.sequenceOf(number) == 0;
        registry.cancel(subjectId, affected.stream().map(RegisteredWebsite::icpNumber).toList(), RegistryStatus.CANCELLED,
                wholeSubject && registry.activeWebsitesOf(subjectId).size() == affected.size());
    }
}
