package io.icpflow.filing;

import io.icpflow.filing.FilingApplication.MaterialRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The materials an application attaches, by place: "subject", "websites[0]", "apps[1]" (API.md "Materials"). */
public final class MaterialPlaces {

    private MaterialPlaces() {
    }

    public static Map<String, List<MaterialRef>> of(FilingApplication app) {
        Map<String, List<MaterialRef>> places = new LinkedHashMap<>();
        if (app.subject() != null) {
            places.put("subject", orNone(app.subject().materials()));
        }
        for (int i = 0; app.websites() != null && i < app.websites().size(); i++) {
            places.put("websites[" + i + "]", orNone(app.websites().get(i).materials()));
        }
        for (int i = 0; i < app.apps().size(); i++) {
            places.put("apps[" + i + "]", orNone(app.apps().get(i).materials()));
        }
        return places;
    }

    private static List<MaterialRef> orNone(List<MaterialRef> refs) {
        return refs == null ? List.of() : refs;
    }
}
