package io.icpflow;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md's BPMN rules, checked on every file of bpmn/. */
class BpmnConventionsTest {

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void readableIdsNamesTtlAndDefaults(Path file) throws IOException {
        String xml = Files.readString(file);
        assertThat(xml).as("delegates are beans (delegateExpression), not camunda:class").doesNotContain("camunda:class=");
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId() + " historyTimeToLive").isNotBlank();
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            assertThat(element.getId()).as("generated id").doesNotMatch(".*_[0-9a-z]{7}$");
            if (element instanceof FlowNode node && !(element instanceof ExclusiveGateway && node.getIncoming().size() > 1)) {
                assertThat(node.getName()).as(element.getId() + " has a name a business reader understands").isNotBlank();
            }
        }
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() > 1) {
                assertThat(gateway.getDefault()).as(gateway.getId() + " needs a default flow").isNotNull();
            }
        }
    }
}
