package io.icpflow.providerstage;

import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.AppPlatform;
import io.icpflow.filing.FilingApplication.MaterialRef;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.MaterialPlaces;
import io.icpflow.materials.Material;
import io.icpflow.materials.MaterialStore;
import io.icpflow.reference.DomainNames;
import io.icpflow.verification.VerificationSession;
import io.icpflow.verification.VerificationSessions;
import io.icpflow.verification.VerificationSessions.Round;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts what the reviewer needs on the {@code providerReview} task (task-local, shown by
 * {@code forms/provider-review.form}): the applicant, the websites and domains, the apps and their
 * feature data, the materials, the principals' identity verification, and earlier returns;
 * and names the task after the filing, the subject and its first domain.
 * The pre-check findings are already a process variable.
 */
@Component
class ReviewFormListener implements TaskListener {

    private final FilingRepository filings;
    private final DomainNames domainNames;
    private final MaterialStore materialStore;
    private final VerificationSessions verificationSessions;

    ReviewFormListener(FilingRepository filings, DomainNames domainNames, MaterialStore materialStore,
                       VerificationSessions verificationSessions) {
        this.verificationSessions = verificationSessions;
        this.filings = filings;
        this.domainNames = domainNames;
        this.materialStore = materialStore;
    }

    /** Each attached material with what the reviewer checks it by, and a link that opens it (the staff sign-in's session). */
    private void materials(Filing filing, DelegateTask task) {
        Map<String, List<MaterialRef>> places = MaterialPlaces.of(filing.application());
        List<String> ids = places.values().stream().flatMap(List::stream).map(MaterialRef::id).distinct().toList();
        Map<String, Material> found = materialStore.findAll(ids).stream().collect(Collectors.toMap(Material::id, Function.identity()));
        List<String> lines = new ArrayList<>();
        List<String> links = new ArrayList<>();
        places.forEach((place, refs) -> refs.forEach(ref -> {
            Material m = found.get(ref.id());
            if (m == null) {
                lines.add(place + " · " + ref.kind() + " · missing (" + ref.id() + ")");
                return;
            }
            lines.add(place + " · " + ref.kind() + (m.category() == null ? "" : " " + m.category()) + " · " + m.contentType() + " · "
                    + kib(m.size()) + " · uploaded " + EngineClock.inChina(m.createdAt()).toLocalDateTime().withNano(0) + " · id " + m.id());
            links.add("[" + place + " " + ref.kind() + "](/staff/materials/" + m.id() + ")");
        }));
        ProviderStageProcess.MATERIALS_SUMMARY.setLocal(task, lines.isEmpty() ? "none" : String.join("\n", lines));
        ProviderStageProcess.MATERIAL_LINKS.setLocal(task, links.isEmpty() ? "" : "Open 查看: " + String.join(" · ", links));
    }

    /** What the verification service said of each principal in this submission's round. */
    private void verification(Filing filing, DelegateTask task) {
        Round round = verificationSessions.round(filing.id());
        if (round.latest().isEmpty()) {
            ProviderStageProcess.VERIFICATION_SUMMARY.setLocal(task, "not verified: a " + filing.type() + " needs no identity verification");
            return;
        }
        List<String> lines = new ArrayList<>();
        for (VerificationSession s : round.latest()) {
            lines.add(s.who() + " · " + s.status() + (s.decidedAt() == null ? "" : " at " + s.decidedAt().toLocalDateTime().withNano(0))
                    + " · session " + s.id());
        }
        lines.add("round " + round.number() + " · failures " + round.failures()
                + (round.failures() == 0 ? "" : ": " + verificationSessions.failureReasons(filing.id())));
        ProviderStageProcess.VERIFICATION_SUMMARY.setLocal(task, String.join("\n", lines));
    }

    private static String kib(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KiB";
    }

    /** Enough of a public key to tell two apart at a glance: its start and end. */
    private static String abbreviated(String key) {
        return key == null || key.length() <= 24 ? String.valueOf(key) : key.substring(0, 12) + "…" + key.substring(key.length() - 8);
    }

    @Override
    public void notify(DelegateTask task) {
        Filing filing = filings.get(task.getExecution().getProcessBusinessKey());
        Subject subject = filing.application().subject();
        ProviderStageProcess.SUBJECT_SUMMARY.setLocal(task, String.join("\n",
                subject.name() + " (" + subject.kind() + ")",
                "ID: " + subject.idNumber() + " · province " + subject.province(),
                "Contact: " + subject.contact().name() + ", " + subject.contact().email() + ", " + subject.contact().mobile(),
                "Type: " + filing.type() + " · filing " + filing.id()));
        List<String> lines = new ArrayList<>();
        List<Website> websites = filing.application().websites();
        for (int i = 0; i < websites.size(); i++) {
            Website w = websites.get(i);
            lines.add((i + 1) + ". " + w.name() + " · " + w.serverRegion() + " · content " + w.content()
                    + " · certificate " + (Boolean.TRUE.equals(w.domainCertificate()) ? "yes" : "no")
                    + (w.preApprovalCategories() == null || w.preApprovalCategories().isEmpty() ? "" : " · pre-approval " + w.preApprovalCategories())
                    + " · " + String.join(", ", w.domains().stream().map(domainNames::toUnicode).toList()));
        }
        List<App> apps = filing.application().apps();
        for (int i = 0; i < apps.size(); i++) {
            App a = apps.get(i);
            lines.add("App " + (i + 1) + ". " + a.name() + " · " + a.serverRegion() + " · content " + a.content()
                    + (a.preApprovalCategories() == null || a.preApprovalCategories().isEmpty() ? "" : " · pre-approval " + a.preApprovalCategories()));
            for (AppPlatform p : a.platforms()) {
                lines.add("   " + p.platform() + " " + p.identifier() + " · " + (p.platform().usesBundleId() ? "SHA-1 " + p.sha1() : "MD5 " + p.md5())
                        + " · key " + abbreviated(p.publicKey()));
            }
        }
        if (filing.application().icpNumber() != null) {
            lines.add(0, "Number: " + filing.application().icpNumber());
        }
        ProviderStageProcess.WEBSITES_SUMMARY.setLocal(task, String.join("\n", lines));
        materials(filing, task);
        verification(filing, task);
        List<String> returns = filings.earlierReturns(filing.id());
        ProviderStageProcess.RETURN_HISTORY.setLocal(task, returns.isEmpty() ? "none" : String.join("\n", returns));
        String firstDomain = websites.stream().flatMap(w -> w.domains().stream()).findFirst().map(domainNames::toUnicode)
                .or(() -> apps.stream().findFirst().map(App::name))
                .orElse(filing.application().icpNumber() == null ? "" : filing.application().icpNumber());
        // a scannable task list: which filing, whose, which domain
        task.setName("Review " + filing.id() + " · " + subject.name() + " · " + firstDomain);
        task.setDescription(filing.type() + " · " + subject.name() + " · " + firstDomain);
    }
}
