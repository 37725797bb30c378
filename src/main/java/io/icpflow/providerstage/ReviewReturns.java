package io.icpflow.providerstage;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.MaterialRef;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.MaterialPlaces;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.materials.MaterialStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer's RETURN tells the applicant ({@code ${reviewReturns.record(execution)}}): the reviewer's
 * reasons, or — when the reviewer rejected single materials ({@code reviewRejectedMaterials}, comma-separated
 * ids) — a {@code MATERIAL_REJECTED} for each at its field, with the reviewer's reasons. A rejected material
 * stays rejected for the filing: attached again, the pre-checks return it again.
 */
@Component
public class ReviewReturns {

    private final FilingRepository filings;
    private final MaterialStore materials;

    ReviewReturns(FilingRepository filings, MaterialStore materials) {
        this.filings = filings;
        this.materials = materials;
    }

    public void record(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        String reasons = ProviderStageProcess.REVIEW_REASONS.get(execution);
        String detail = reasons == null || reasons.isBlank() ? "-" : reasons.strip();
        List<String> rejected = rejectedIds(ProviderStageProcess.REVIEW_REJECTED_MATERIALS.get(execution));
        if (rejected.isEmpty()) {
            filings.updateReasons(filing.id(), List.of(new Reason(ReasonCode.RETURNED_BY_REVIEWER, null, detail)));
            return;
        }
        List<Reason> returned = new ArrayList<>();
        for (Map.Entry<String, List<MaterialRef>> place : MaterialPlaces.of(filing.application()).entrySet()) {
            for (MaterialRef ref : place.getValue()) {
                if (rejected.contains(ref.id())) {
                    returned.add(new Reason(ReasonCode.MATERIAL_REJECTED, place.getKey() + ".materials." + ref.kind(),
                            ref.kind() + " " + ref.id() + ": " + detail));
                }
            }
        }
        materials.reject(filing.id(), rejected);
        filings.updateReasons(filing.id(), returned);
    }

    /** The ids a reviewer named, each once. */
    static List<String> rejectedIds(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The ids the filing attaches: a reviewer may reject only those. */
    static List<String> attachedIds(Filing filing) {
        return MaterialPlaces.of(filing.application()).values().stream().flatMap(List::stream).map(MaterialRef::id).distinct().toList();
    }
}
