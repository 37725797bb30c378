package io.icpflow.syncwait;

import io.icpflow.filing.FilingRepository;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.regulator.NoticeRoute;
import io.icpflow.regulator.RegulatorNotice;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Set;

/** MIIT's {@code FILING_SYNCED}: for the filing it names, or the one approved under its number and waiting (a change among them). */
@Component
class SyncNotices implements NoticeRoute {

    private final FilingRegistry registry;
    private final FilingRepository filings;

    SyncNotices(FilingRegistry registry, FilingRepository filings) {
        this.registry = registry;
        this.filings = filings;
    }

    @Override
    public String message() {
        return SyncWaitProcess.Messages.FILING_SYNCED;
    }

    @Override
    public Set<RegulatorNotice.Type> types() {
        return Set.of(RegulatorNotice.Type.FILING_SYNCED);
    }

    @Override
    public Correlation correlationOf(RegulatorNotice notice) {
        String filingId = notice.filingId() != null ? notice.filingId()
                : filings.awaitingSyncUnder(notice.icpNumber()).or(() -> registry.filingIdOfNumber(notice.icpNumber())).orElse(null);
        return filingId == null ? null : Correlation.to(message(), filingId, new HashMap<>());
    }
}
