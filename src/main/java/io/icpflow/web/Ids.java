package io.icpflow.web;

import java.util.regex.Pattern;

/** The ids the product makes (UUIDs) as they appear in paths: anything else names nothing, so it is a 404. */
public final class Ids {

    private static final Pattern UUID = Pattern.compile("^[0-9a-f-]{36}$");

    private Ids() {
    }

    /** {@code id}, or a 404 for "{what} {id}". */
    public static String existing(String what, String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw ApiException.notFound(what + " " + id);
        }
        return id;
    }
}
