package io.icpflow.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads one of the versioned data files under {@code reference/}. */
final class ReferenceData {

    private ReferenceData() {
    }

    static <T> T read(ObjectMapper json, String file, Class<T> type) {
        try (InputStream in = new ClassPathResource("reference/" + file).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference/" + file, e);
        }
    }
}
