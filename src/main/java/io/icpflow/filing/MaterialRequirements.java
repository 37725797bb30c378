package io.icpflow.filing;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.materials.MaterialKind;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.reference.Provinces;
import io.icpflow.rules.Rule;
import io.icpflow.rules.RuleBook;
import io.icpflow.rules.RuleTables;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which materials an application needs (the checklist), from the dated table {@code rules/materials.json}
 * in force on its day: the same rows answer {@code POST /api/filing-requirements} and the pre-checks.
 * A row names the kind, where it goes ({@code subject}, each of {@code websites} or {@code apps}) and when
 * it applies: filing types, subject kind, the subject's provinces, an individual from another province,
 * a principal who is not the legal representative, a domain held by a foreign parent, each declared
 * pre-approval category.
 */
@Component
public class MaterialRequirements {

    /** A material the application needs at {@code place} ("subject", "websites[0]", "apps[1]"); {@code category} for a PRE_APPROVAL. */
    public record Required(MaterialKind kind, String place, String category, Rule rule) {

        /** The field a missing one is reported at: {@code subject.materials.BUSINESS_LICENSE}. */
        public String field() {
            return place + ".materials." + kind;
        }
    }

    private final RuleBook rules;
    private final Provinces provinces;

    MaterialRequirements(RuleBook rules, Provinces provinces) {
        this.rules = rules;
        this.provinces = provinces;
        for (Rule rule : rules.table(RuleTables.MATERIALS).rows()) {
            MaterialKind.valueOf(rule.value().path("material").asText());
            for (JsonNode province : rule.value().path("provinces")) {
                if (provinces.find(province.asText()).isEmpty()) {
                    throw new IllegalStateException("rules/materials.json " + rule.id() + ": unknown province " + province.asText());
                }
            }
        }
    }

    public List<Required> of(FilingApplication app, LocalDate day) {
        Subject subject = app.subject();
        if (subject == null || app.type() == null) {
            return List.of();
        }
        List<Required> required = new ArrayList<>();
        for (Rule rule : rules.allInForce(RuleTables.MATERIALS, subject.province(), day)) {
            JsonNode v = rule.value();
            if (!listed(v.path("types"), app.type().name()) || !appliesToSubject(v, subject)) {
                continue;
            }
            MaterialKind kind = MaterialKind.valueOf(v.path("material").asText());
            switch (v.path("for").asText()) {
                case "subject" -> required.add(new Required(kind, "subject", null, rule));
                case "websites" -> {
                    List<Website> websites = app.websites() == null ? List.of() : app.websites();
                    for (int i = 0; i < websites.size(); i++) {
                        Website w = websites.get(i);
                        if (v.path("domainHeldByForeignParent").asBoolean(false) && !Boolean.TRUE.equals(w.domainHeldByForeignParent())) {
                            continue;
                        }
                        perPlace(required, kind, "websites[" + i + "]", rule, w::declares);
                    }
                }
                case "apps" -> {
                    List<App> apps = app.apps();
                    for (int i = 0; i < apps.size(); i++) {
                        perPlace(required, kind, "apps[" + i + "]", rule, apps.get(i)::declares);
                    }
                }
                default -> throw new IllegalStateException("rules/materials.json " + rule.id() + ": for is subject, websites or apps");
            }
        }
        return required;
    }

    private static void perPlace(List<Required> required, MaterialKind kind, String place, Rule rule, Predicate<PreApprovalCategory> declares) {
        if (!rule.value().path("perPreApprovalCategory").asBoolean(false)) {
            required.add(new Required(kind, place, null, rule));
            return;
        }
        for (PreApprovalCategory category : PreApprovalCategory.values()) {
            if (declares.test(category)) {
                required.add(new Required(kind, place, category.name(), rule));
            }
        }
    }

    private boolean appliesToSubject(JsonNode v, Subject subject) {
        if (v.has("subjectKind") && (subject.kind() == null || !v.path("subjectKind").asText().equals(subject.kind().name()))) {
            return false;
        }
        if (v.has("provinces") && !listed(v.path("provinces"), subject.province())) {
            return false;
        }
        if (v.path("outOfProvince").asBoolean(false) && !isFromAnotherProvince(subject)) {
            return false;
        }
        return !v.path("principalNotLegalRepresentative").asBoolean(false) || Boolean.FALSE.equals(subject.principalIsLegalRepresentative());
    }

    /** An individual whose resident ID was issued in another province (its first two digits, GB/T 2260). */
    private boolean isFromAnotherProvince(Subject subject) {
        if (subject.kind() != SubjectKind.INDIVIDUAL || subject.idNumber() == null || subject.idNumber().length() < 2) {
            return false;
        }
        return provinces.find(subject.province()).map(p -> !subject.idNumber().startsWith(p.division())).orElse(false);
    }

    private static boolean listed(JsonNode list, String value) {
        for (JsonNode entry : list) {
            if (entry.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
