package io.icpflow.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource port read from {@code --icp.resources.fixture=PATH}: {@code [{"id", "owner", "product", "region",
 * "billing", "purchasedMonths", "expiresOn", "publicIp"}]}. Read once at start; a malformed entry fails the
 * start with the entry it is about.
 */
class FixtureResources implements ResourcePort {

    private final Map<String, CloudResource> byId = new LinkedHashMap<>();

    FixtureResources(Path file, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("icp.resources.fixture: cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalStateException("icp.resources.fixture " + file + " must be a JSON array");
        }
        for (int i = 0; i < root.size(); i++) {
            CloudResource resource = read(root.get(i), "icp.resources.fixture[" + i + "]");
            if (byId.put(resource.id(), resource) != null) {
                throw new IllegalStateException("icp.resources.fixture: resource " + resource.id() + " is listed twice");
            }
        }
    }

    private static CloudResource read(JsonNode entry, String at) {
        try {
            return new CloudResource(text(entry, "id", at), text(entry, "owner", at), text(entry, "product", at), text(entry, "region", at),
                    CloudResource.Billing.valueOf(text(entry, "billing", at)), entry.path("purchasedMonths").asInt(0),
                    LocalDate.parse(text(entry, "expiresOn", at)), entry.path("publicIp").asBoolean(false));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException(at + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode entry, String field, String at) {
        String value = entry.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException(at + ": " + field + " is required");
        }
        return value;
    }

    @Override
    public List<CloudResource> resourcesOf(String owner) {
        List<CloudResource> found = new ArrayList<>();
        byId.values().stream().filter(r -> r.owner().equals(owner)).forEach(found::add);
        return found;
    }

    @Override
    public Optional<CloudResource> find(String resourceId) {
        return Optional.ofNullable(byId.get(resourceId));
    }
}
