package io.icpflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a person may write through a task: the keys of its Camunda Form's editable fields, read from
 * the forms that are deployed with the processes ({@code forms/*.form}). Display fields
 * ({@code disabled} or {@code readonly}) are the process's own and never written back.
 */
@Component
class TaskFormFields {

    private static final Set<String> DISPLAY_ONLY = Set.of("text", "image", "spacer", "separator", "html", "button");

    private final Map<String, Set<String>> editableByForm;

    TaskFormFields(ObjectMapper json) {
        Map<String, Set<String>> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Set<String> keys = new LinkedHashSet<>();
                    collect(form, keys);
                    forms.put(form.path("id").asText(), Set.copyOf(keys));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("forms/*.form not readable", e);
        }
        this.editableByForm = Map.copyOf(forms);
    }

    /** The editable field keys of a form, or none for a form we do not know. */
    Set<String> editable(String formId) {
        return formId == null ? Set.of() : editableByForm.getOrDefault(formId, Set.of());
    }

    private static void collect(JsonNode node, Set<String> keys) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText(null);
            boolean display = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false)
                    || DISPLAY_ONLY.contains(component.path("type").asText());
            if (key != null && !display) {
                keys.add(key);
            }
            collect(component, keys);
        }
    }
}
