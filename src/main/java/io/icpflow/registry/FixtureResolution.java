package io.icpflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The resolution port read from a JSON file ({@code --icp.resolution.fixture=PATH}):
 * {@code [{"domain": "example.cn", "pointsToUs": false}]}; a domain not listed points to us. Re-read
 * when the file changes, so a demo can "fix" a domain while a remediation runs.
 */
@Component
class FixtureResolution implements ResolutionPort {

    private final ObjectMapper json;
    private final Path file;
    private volatile FileTime modified;
    private volatile Map<String, Boolean> pointsToUs = Map.of();

    FixtureResolution(ObjectMapper json, ResolutionProperties properties) {
        this.json = json;
        this.file = properties.fixture().isBlank() ? null : Path.of(properties.fixture());
    }

    @Override
    public boolean pointsToUs(String domain) {
        return current().getOrDefault(domain, true);
    }

    private Map<String, Boolean> current() {
        if (file == null || !Files.isReadable(file)) {
            return Map.of();
        }
        try {
            FileTime now = Files.getLastModifiedTime(file);
            if (!now.equals(modified)) {
                Map<String, Boolean> read = new HashMap<>();
                for (JsonNode row : json.readTree(file.toFile())) {
                    read.put(row.path("domain").asText().toLowerCase(java.util.Locale.ROOT), row.path("pointsToUs").asBoolean(true));
                }
                pointsToUs = Map.copyOf(read);
                modified = now;
            }
            return pointsToUs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resolution fixture " + file, e);
        }
    }
}
