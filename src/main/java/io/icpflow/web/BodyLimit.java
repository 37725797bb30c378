package io.icpflow.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.OptionalLong;

/** A route whose bodies may be larger than the API's 64 KiB (an upload): declared by the feature that owns the route. */
public interface BodyLimit {

    /** The limit for this request, if this route has its own. */
    OptionalLong limitFor(HttpServletRequest request);
}
