package io.icpflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icpflow.calendar.EngineClock;
import io.icpflow.reference.DomainNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain-facts port read from the fixture file of API.md ({@code --icp.registry.fixture=PATH}).
 * A listed domain takes the unremarkable defaults for every field its entry leaves out (an explicit
 * {@code null} stays null: {@code "realNameRecordedOn": null} means "not recorded yet"). The file is
 * re-read when it changes, so a demo can edit it while the app runs.
 */
@Component
class FixtureDomainFacts implements DomainFactsPort {

    private static final Logger log = LoggerFactory.getLogger(FixtureDomainFacts.class);

    private final ObjectMapper json;
    private final DomainNames domainNames;
    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of());

    FixtureDomainFacts(ObjectMapper json, DomainNames domainNames, RegistryProperties properties) {
        this.json = json;
        this.domainNames = domainNames;
        this.file = properties.fixture().isBlank() ? null : Path.of(properties.fixture());
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("icp.registry.fixture: cannot read " + file.toAbsolutePath());
            }
            current();
        }
    }

    @Override
    public DomainFacts lookup(String domain, String applyingSubject) {
        DomainFacts defaults = DomainFacts.unremarkable(domain, applyingSubject, EngineClock.todayInChina());
        ObjectNode listed = current().get(domain);
        if (listed == null) {
            return defaults;
        }
        ObjectNode merged = json.valueToTree(defaults);
        merged.setAll(listed);
        merged.put("domain", domain);
        try {
            return json.treeToValue(merged, DomainFacts.class);
        } catch (IOException e) {
            throw new IllegalStateException("fixture entry for " + domain + " is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> domainsFiledUnder(String subjectNumber) {
        return current().entrySet().stream()
                .filter(e -> IcpNumber.subjectNumberOf(e.getValue().path("icpNumber").asText("")).equals(subjectNumber))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private Map<String, ObjectNode> current() {
        if (file == null) {
            return Map.of();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Snapshot seen = snapshot;
            if (modified.equals(seen.modified())) {
                return seen.facts();
            }
            JsonNode rows = json.readTree(file.toFile());
            if (!rows.isArray()) {
                throw new IllegalStateException("fixture " + file + " must be a JSON array");
            }
            Map<String, ObjectNode> byDomain = new HashMap<>();
            for (JsonNode row : rows) {
                String name = row.path("domain").asText();
                String key = domainNames.normalize(name)
                        .orElseThrow(() -> new IllegalStateException("fixture: not a domain: " + name));
                byDomain.put(key, (ObjectNode) row);
            }
            snapshot = new Snapshot(modified, Map.copyOf(byDomain));
            log.info("Domain facts fixture {}: {} domains", file, byDomain.size());
            return snapshot.facts();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read domain facts fixture " + file, e);
        }
    }

    private record Snapshot(FileTime modified, Map<String, ObjectNode> facts) {
    }
}
