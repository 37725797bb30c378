package io.icpflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build's BPMN coverage gate (run by Maven after the tests): joins the reports that
 * camunda-process-test-coverage wrote for each test class and fails if any process's flow nodes
 * and sequence flows are covered below the threshold. Shared stages (provider-stage,
 * regulator-review, sync-wait) count what every test class did with them.
 */
public final class CoverageGate {

    private CoverageGate() {
    }

    public static void main(String[] args) throws IOException {
        Path reports = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.9;
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> totals = new TreeMap<>();
        Map<String, Set<String>> covered = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(p -> p.getFileName().toString().equals("report.json")).toList();
        }
        for (Path file : files) {
            JsonNode report = json.readTree(file.toFile());
            for (JsonNode model : report.get("models")) {
                totals.put(model.get("key").asText(), model.get("totalElementCount").asInt());
            }
            for (JsonNode suite : report.get("suites")) {
                for (JsonNode run : suite.get("runs")) {
                    for (JsonNode event : run.get("events")) {
                        covered.computeIfAbsent(event.get("modelKey").asText(), k -> new HashSet<>())
                                .add(event.get("definitionKey").asText());
                    }
                }
            }
        }
        if (totals.isEmpty()) {
            throw new IllegalStateException("no coverage reports under " + reports + ": did the process tests run?");
        }
        StringBuilder failures = new StringBuilder();
        System.out.println("BPMN coverage (flow nodes and sequence flows, all test classes):");
        for (Map.Entry<String, Integer> model : totals.entrySet()) {
            int hit = covered.getOrDefault(model.getKey(), Set.of()).size();
            double ratio = (double) hit / model.getValue();
            System.out.printf("  %-20s %3d/%3d  %5.1f%%%n", model.getKey(), hit, model.getValue(), ratio * 100);
            if (ratio < threshold) {
                failures.append(model.getKey()).append(' ');
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("BPMN coverage below " + (int) (threshold * 100) + "% for: " + failures.toString().trim());
        }
    }
}
