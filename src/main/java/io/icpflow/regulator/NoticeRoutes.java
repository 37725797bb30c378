package io.icpflow.regulator;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The features' notice routes, by notice type and by message; every type has exactly one. */
@Component
class NoticeRoutes {

    private final Map<RegulatorNotice.Type, NoticeRoute> byType = new EnumMap<>(RegulatorNotice.Type.class);
    private final Map<String, NoticeRoute> byMessage = new HashMap<>();

    NoticeRoutes(List<NoticeRoute> routes) {
        for (NoticeRoute route : routes) {
            byMessage.put(route.message(), route);
            for (RegulatorNotice.Type type : route.types()) {
                if (byType.put(type, route) != null) {
                    throw new IllegalStateException("two routes for regulator notice " + type);
                }
            }
        }
        for (RegulatorNotice.Type type : RegulatorNotice.Type.values()) {
            if (!byType.containsKey(type)) {
                throw new IllegalStateException("no feature takes regulator notice " + type);
            }
        }
    }

    NoticeRoute of(RegulatorNotice.Type type) {
        return byType.get(type);
    }

    /** The route whose wait receives this message, or null for a message no regulator notice ends. */
    NoticeRoute ofMessage(String message) {
        return byMessage.get(message);
    }
}
