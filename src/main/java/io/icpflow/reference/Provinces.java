package io.icpflow.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Mainland provinces by ISO 3166-2:CN code (data file {@code reference/provinces.json}). */
@Component
public class Provinces {

    public record Province(String code, String abbreviation, String nameZh, String nameEn, String division) {
    }

    record ProvinceFile(String about, List<Province> provinces) {
    }

    private final List<Province> all;
    private final Map<String, Province> byCode;

    public Provinces(ObjectMapper json) {
        this.all = List.copyOf(ReferenceData.read(json, "provinces.json", ProvinceFile.class).provinces());
        this.byCode = all.stream().collect(Collectors.toUnmodifiableMap(Province::code, Function.identity()));
    }

    /** In the file's order (GB/T 2260). */
    public List<Province> all() {
        return all;
    }

    public Optional<Province> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }
}
