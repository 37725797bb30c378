package io.icpflow.filing;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Exactly one family for each filing type, checked at start. */
@Component
class FilingFamilies {

    private final Map<FilingType, FilingFamily> byType = new EnumMap<>(FilingType.class);

    FilingFamilies(List<FilingFamily> families) {
        for (FilingFamily family : families) {
            for (FilingType type : family.types()) {
                FilingFamily earlier = byType.put(type, family);
                if (earlier != null) {
                    throw new IllegalStateException(type + " is run by two processes: " + earlier.processKey() + " and " + family.processKey());
                }
            }
        }
        for (FilingType type : FilingType.values()) {
            if (!byType.containsKey(type)) {
                throw new IllegalStateException("no process runs filing type " + type);
            }
        }
    }

    FilingFamily of(FilingType type) {
        return byType.get(type);
    }
}
