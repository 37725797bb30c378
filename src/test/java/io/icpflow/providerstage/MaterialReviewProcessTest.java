package io.icpflow.providerstage;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingApplication.MaterialRef;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.materials.MaterialKind;
import io.icpflow.materials.MaterialService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The reviewer sees each material on the form and may return single ones (reviewRejectedMaterials → MATERIAL_REJECTED). */
@EngineTest
class MaterialReviewProcessTest {

    @Autowired ProcessDriver driver;
    @Autowired FilingRepository filings;
    @Autowired TaskService tasks;
    @Autowired MaterialService materials;

    @Test
    void theFormListsEachMaterialWithALinkThatOpensIt() {
        String id = driver.create("alice", TestData.enterprise());
        Task review = driver.task(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW);
        String summary = (String) tasks.getVariableLocal(review.getId(), ProviderStageProcess.MATERIALS_SUMMARY.name());
        assertThat(summary).contains("subject · BUSINESS_LICENSE · image/png").contains("websites[0] · ID_CARD_FRONT");
        assertThat((String) tasks.getVariableLocal(review.getId(), ProviderStageProcess.MATERIAL_LINKS.name()))
                .contains("(/staff/materials/" + licence(id) + ")");
    }

    @Test
    void aRejectedMaterialComesBackAtItsFieldAndStaysRejectedForTheFiling() {
        String id = driver.create("alice", TestData.enterprise());
        String licence = licence(id);
        driver.complete(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW, Map.of(
                ProviderStageProcess.REVIEW_DECISION.name(), "RETURN",
                ProviderStageProcess.REVIEW_REASONS.name(), "营业执照模糊 The licence is not legible",
                ProviderStageProcess.REVIEW_REJECTED_MATERIALS.name(), licence));

        assertThat(driver.status(id)).isEqualTo(FilingStatus.RETURNED);
        assertThat(filings.get(id).reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.MATERIAL_REJECTED);
            assertThat(reason.field()).isEqualTo("subject.materials.BUSINESS_LICENSE");
            assertThat(reason.detail()).contains(licence).contains("营业执照模糊");
        });

        // the same upload attached again is returned again by the pre-checks
        driver.resubmit("alice", id, filings.get(id).application());
        assertThat(driver.status(id)).isEqualTo(FilingStatus.RETURNED);
        assertThat(filings.get(id).reasons()).extracting(Reason::code, Reason::field)
                .containsExactly(tuple(ReasonCode.MATERIAL_REJECTED, "subject.materials.BUSINESS_LICENSE"));

        // a new upload in its place: back to review
        String corrected = materials.upload("alice", "BUSINESS_LICENSE", null, "licence-2.png", TestData.PNG).id();
        FilingApplication stored = filings.get(id).application();
        List<MaterialRef> refs = new ArrayList<>(stored.subject().materials().stream().filter(r -> !r.id().equals(licence)).toList());
        refs.add(new MaterialRef(MaterialKind.BUSINESS_LICENSE, corrected));
        driver.resubmit("alice", id, stored.withSubject(stored.subject().withMaterials(refs)));
        assertThat(driver.status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void onlyTheFilingsOwnMaterialsCanBeRejectedAndOnlyWithAReturn() {
        String id = driver.create("alice", TestData.enterprise());
        String foreign = materials.upload("bob", "BUSINESS_LICENSE", null, "l.png", TestData.PNG).id();
        assertThatThrownBy(() -> driver.complete(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW, Map.of(
                ProviderStageProcess.REVIEW_DECISION.name(), "RETURN",
                ProviderStageProcess.REVIEW_REASONS.name(), "模糊",
                ProviderStageProcess.REVIEW_REJECTED_MATERIALS.name(), foreign)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("does not attach");
        assertThatThrownBy(() -> driver.complete(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW, Map.of(
                ProviderStageProcess.REVIEW_DECISION.name(), "APPROVE",
                ProviderStageProcess.REVIEW_REJECTED_MATERIALS.name(), licence(id))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("RETURN only");
        assertThat(driver.status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.task(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW)).isNotNull();
    }

    private String licence(String filingId) {
        return filings.get(filingId).application().subject().materials().stream().filter(r -> r.kind() == MaterialKind.BUSINESS_LICENSE)
                .findFirst().orElseThrow().id();
    }
}
