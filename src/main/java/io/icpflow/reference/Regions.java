package io.icpflow.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The provider's server regions (data file {@code reference/regions.json}). */
@Component
public class Regions {

    public enum Area { MAINLAND, HONG_KONG, MACAU, TAIWAN, OVERSEAS }

    public record Region(String id, Area area, String name) {
    }

    record RegionFile(String about, List<Region> regions) {
    }

    private final List<Region> all;
    private final Map<String, Region> byId;

    public Regions(ObjectMapper json) {
        this.all = List.copyOf(ReferenceData.read(json, "regions.json", RegionFile.class).regions());
        this.byId = all.stream().collect(Collectors.toUnmodifiableMap(Region::id, Function.identity()));
    }

    /** In the file's order, the mainland's first. */
    public List<Region> all() {
        return all;
    }

    public Optional<Region> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public boolean isMainland(String id) {
        return find(id).map(r -> r.area() == Area.MAINLAND).orElse(false);
    }
}
