package io.icpflow.providerstage;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.MaterialRef;
import io.icpflow.filing.MaterialPlaces;
import io.icpflow.filing.MaterialRequirements;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.materials.Material;
import io.icpflow.materials.MaterialStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The materials an application attaches (API.md "Materials"): each must be an upload of the caller's of
 * the kind it is attached as; what the rules ask for and is not there is {@code MATERIAL_MISSING} at
 * {@code subject.materials.BUSINESS_LICENSE}, {@code websites[0].materials.DOMAIN_CERTIFICATE} …. The
 * check also marks them used by the filing, in its transaction: a used material never expires.
 */
@Component
class MaterialChecks implements FilingChecks {

    private final MaterialStore store;
    private final MaterialRequirements requirements;

    MaterialChecks(MaterialStore store, MaterialRequirements requirements) {
        this.store = store;
        this.requirements = requirements;
    }

    @Override
    public boolean appliesTo(FilingType type) {
        return true;
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public Result run(Filing filing, LocalDate today) {
        Map<String, List<MaterialRef>> attached = MaterialPlaces.of(filing.application());
        List<String> ids = attached.values().stream().flatMap(List::stream).map(MaterialRef::id).distinct().toList();
        Map<String, Material> found = store.findAll(ids).stream().collect(Collectors.toMap(Material::id, Function.identity()));
        List<Reason> failures = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<String> usable = new ArrayList<>();
        List<String> rejected = store.rejected(filing.id());
        attached.forEach((place, refs) -> {
            for (MaterialRef ref : refs) {
                Optional<Material> material = Optional.ofNullable(found.get(ref.id()))
                        .filter(m -> m.owner().equals(filing.owner()) && (!m.deleted() || store.isUsed(m.id())));
                String field = place + ".materials." + ref.kind();
                if (material.isEmpty()) {
                    failures.add(new Reason(ReasonCode.MATERIAL_MISSING, field, ref.kind() + " (" + ref.id() + " is not an upload of yours)"));
                } else if (material.get().kind() != ref.kind()) {
                    failures.add(new Reason(ReasonCode.MATERIAL_MISSING, field, ref.kind() + " (" + ref.id() + " is a " + material.get().kind() + ")"));
                } else if (rejected.contains(ref.id())) {
                    usable.add(ref.id());
                    failures.add(new Reason(ReasonCode.MATERIAL_REJECTED, field, ref.kind() + " " + ref.id()
                            + " (rejected by our reviewer: attach a corrected upload)"));
                } else {
                    usable.add(ref.id());
                    findings.add(field + ": " + material.get().contentType() + ", " + material.get().size() + " bytes, sha256 "
                            + material.get().sha256().substring(0, 12) + "…");
                }
            }
        });
        store.useFor(filing.id(), usable);
        for (MaterialRequirements.Required required : requirements.of(filing.application(), filing.rulesDay())) {
            boolean present = attached.getOrDefault(required.place(), List.of()).stream()
                    // a rejected one is reported as such, once, not also as missing
                    .filter(ref -> ref.kind() == required.kind() && usable.contains(ref.id()))
                    .anyMatch(ref -> required.category() == null || required.category().equals(found.get(ref.id()).category()));
            if (!present) {
                failures.add(new Reason(ReasonCode.MATERIAL_MISSING, required.field(),
                        required.kind() + (required.category() == null ? "" : " (" + required.category() + ")"), required.rule().id()));
            }
        }
        return Result.of(failures, List.of(), findings, false);
    }
}
