package io.icpflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails if any file of bpmn/ or forms/ did not reach the engine. */
@EngineTest
@ExcludeFromProcessCoverage // starts no process
class DeploymentTest {

    @Autowired RepositoryService repository;

    @Test
    void everyProcessDecisionAndFormIsDeployed() throws IOException {
        Set<String> deployed = repository.createDeploymentQuery().list().stream()
                .map(Deployment::getId)
                .flatMap(id -> repository.getDeploymentResourceNames(id).stream())
                .map(name -> Path.of(name).getFileName().toString())
                .collect(Collectors.toSet());
        List<String> files = Stream.concat(list("bpmn"), list("forms")).toList();
        assertThat(files).isNotEmpty().contains("filing.bpmn", "sync-wait.bpmn", "provider-review.form");
        assertThat(deployed).containsAll(files);
    }

    @Test
    void everyProcessIsDeployedUnderItsKey() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .extracting(p -> p.getKey())
                .containsExactlyInAnyOrder("filing", "providerStage", "regulatorReview", "syncWait", "transfer", "cancellation", "change",
                        "accessCheck", "numberCancelled", "remediation", "expiryMonitor", "expiredDomain", "mailDelivery", "noticeConflict",
                        "calendarCoverage");
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .extracting(d -> d.getKey())
                .containsExactly("filingNeed");
    }

    @Test
    void everyProcessHasAHistoryTimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull().isPositive());
    }

    private static Stream<String> list(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
