package io.icpflow.materials;

import io.icpflow.web.BodyLimit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/** An upload may be as large as the largest kind allows, plus room for the multipart headers; the kind's own limit is checked after. */
@Component
class UploadBodyLimit implements BodyLimit {

    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final MaterialsProperties properties;

    UploadBodyLimit(MaterialsProperties properties) {
        this.properties = properties;
    }

    @Override
    public OptionalLong limitFor(HttpServletRequest request) {
        boolean upload = "POST".equals(request.getMethod()) && (request.getContextPath() + "/api/materials").equals(request.getRequestURI());
        return upload ? OptionalLong.of(properties.largest() + MULTIPART_OVERHEAD) : OptionalLong.empty();
    }
}
