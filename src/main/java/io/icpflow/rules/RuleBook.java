package io.icpflow.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.Provinces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every province-dependent or dated rule the product applies, read from {@code rules/*.json} at start
 * and checked there: a malformed table, a row without a source, an unknown province, overlapping
 * rows of one province or a value of the wrong shape stops the start with the file and the row.
 * A rule applies on the day an application was submitted (a resubmission: its own day).
 */
@Component
public class RuleBook {

    private record TableFile(String table, String title, String titleZh, String about, RuleTable.Kind kind,
                             RuleTable.ValueType valueType, List<RowFile> rows) {
    }

    private record RowFile(String id, String province, LocalDate validFrom, LocalDate validTo, JsonNode value,
                           Rule.Source source, String note) {
    }

    private final Map<String, RuleTable> tables = new LinkedHashMap<>();
    private final Map<String, Rule> byId = new LinkedHashMap<>();

    @Autowired
    public RuleBook(ObjectMapper json, Provinces provinces, DomainNames domainNames) {
        this(json, provinces, domainNames, "classpath:rules/*.json");
    }

    RuleBook(ObjectMapper json, Provinces provinces, DomainNames domainNames, String location) {
        ObjectMapper strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(location);
        } catch (IOException e) {
            throw new RuleTableException(location, "cannot list the rule tables: " + e.getMessage());
        }
        for (Resource file : files) {
            RuleTable table = read(strict, file, provinces, domainNames);
            tables.put(table.name(), table);
        }
        for (String required : RuleTables.ALL) {
            if (!tables.containsKey(required)) {
                throw new RuleTableException(required + ".json", "missing: the product applies this table");
            }
        }
    }

    /** The table's row in force for the province on the day: the province's own, else the national one. */
    public Optional<Rule> inForce(String table, String province, LocalDate on) {
        List<Rule> rows = table(table).rows().stream().filter(r -> r.inForceOn(on)).toList();
        return rows.stream().filter(r -> Objects.equals(r.province(), province)).findFirst()
                .or(() -> rows.stream().filter(Rule::isNational).findFirst());
    }

    /** As {@link #inForce}, for a table the product cannot do without on any day: a gap is a defect of the table. */
    public Rule required(String table, String province, LocalDate on) {
        return inForce(table, province, on).orElseThrow(() -> new IllegalStateException(
                "rules/" + table + ".json has no row in force for " + (province == null ? "the nation" : province) + " on " + on));
    }

    /**
     * Every row of a list table in force on the day for the province: its own rows if it has any in
     * force (a CA that keeps its own list), else the national ones.
     */
    public List<Rule> allInForce(String table, String province, LocalDate on) {
        List<Rule> rows = table(table).rows().stream().filter(r -> r.inForceOn(on)).toList();
        List<Rule> own = rows.stream().filter(r -> province != null && province.equals(r.province())).toList();
        return !own.isEmpty() ? own : rows.stream().filter(Rule::isNational).toList();
    }

    /** The national check that gives this reason code (table {@code checks}), if the code has one. */
    public Optional<Rule> checkOf(String reasonCode) {
        return table(RuleTables.CHECKS).rows().stream().filter(r -> reasonCode.equals(r.value().path("code").asText())).findFirst();
    }

    public Optional<Rule> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public RuleTable table(String name) {
        RuleTable table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no rule table " + name);
        }
        return table;
    }

    /** Every table with the rows in force on the day (all provinces). */
    public List<RuleTable> onDate(LocalDate day) {
        return tables.values().stream()
                .map(t -> new RuleTable(t.name(), t.title(), t.titleZh(), t.about(), t.kind(), t.valueType(),
                        t.rows().stream().filter(r -> r.inForceOn(day)).toList()))
                .toList();
    }

    private RuleTable read(ObjectMapper json, Resource resource, Provinces provinces, DomainNames domainNames) {
        String file = resource.getFilename();
        TableFile table;
        try (InputStream in = resource.getInputStream()) {
            table = json.readValue(in, TableFile.class);
        } catch (JsonProcessingException e) {
            throw new RuleTableException(file, "not a rule table: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RuleTableException(file, "cannot be read: " + e.getMessage());
        }
        String name = Objects.requireNonNull(file).replaceFirst("\\.json$", "");
        check(file, name.equals(table.table()), "\"table\" must be the file's name, " + name);
        check(file, notBlank(table.title()) && notBlank(table.titleZh()), "\"title\" and \"titleZh\" are required");
        check(file, table.kind() != null && table.valueType() != null, "\"kind\" and \"valueType\" are required");
        check(file, table.rows() != null && !table.rows().isEmpty(), "a table needs rows");
        List<Rule> rows = new ArrayList<>();
        for (RowFile row : table.rows()) {
            String at = "row " + row.id();
            check(file, notBlank(row.id()), "a row without an id");
            check(file, !byId.containsKey(row.id()), at + ": the id is taken (ids are unique over all tables)");
            check(file, row.validFrom() != null, at + ": validFrom is required");
            check(file, row.validTo() == null || !row.validTo().isBefore(row.validFrom()), at + ": validTo is before validFrom");
            check(file, row.province() == null || provinces.find(row.province()).isPresent(),
                    at + ": unknown province " + row.province() + " (ISO 3166-2:CN code, or null for national)");
            check(file, row.source() != null && notBlank(row.source().title()) && row.source().url() != null
                    && row.source().url().matches("https?://\\S+|docs/\\S+"),
                    at + ": a source with a title and an address (http(s), or a copy under docs/) is required");
            check(file, row.value() != null && !row.value().isNull(), at + ": value is required");
            checkValue(file, at, table.valueType(), row.value(), domainNames);
            Rule rule = new Rule(row.id(), name, row.province(), row.validFrom(), row.validTo(), row.value(), row.source(), row.note());
            rows.add(rule);
            byId.put(rule.id(), rule);
        }
        if (table.kind() == RuleTable.Kind.SINGLE) {
            checkNoOverlap(file, rows);
        }
        rows.sort(Comparator.comparing((Rule r) -> r.province() == null ? "" : r.province()).thenComparing(Rule::validFrom));
        return new RuleTable(name, table.title(), table.titleZh(), table.about(), table.kind(), table.valueType(), List.copyOf(rows));
    }

    private static void checkValue(String file, String at, RuleTable.ValueType type, JsonNode value, DomainNames domainNames) {
        switch (type) {
            case INTEGER -> check(file, value.isInt() && value.intValue() > 0, at + ": value must be a positive whole number");
            case OBJECT -> check(file, value.isObject(), at + ": value must be an object");
            case SUFFIXES -> {
                check(file, value.isObject() && value.path("suffixes").isArray() && !value.path("suffixes").isEmpty()
                        && value.path("newFilings").isBoolean(), at + ": value must be {\"suffixes\": [...], \"newFilings\": true|false}");
                Set<String> seen = new HashSet<>();
                for (JsonNode suffix : value.path("suffixes")) {
                    check(file, suffix.isTextual() && domainNames.suffixToAscii(suffix.asText()).isPresent(),
                            at + ": not a domain suffix: " + suffix);
                    check(file, seen.add(suffix.asText()), at + ": " + suffix + " listed twice");
                }
            }
        }
    }

    private static void checkNoOverlap(String file, List<Rule> rows) {
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                Rule a = rows.get(i);
                Rule b = rows.get(j);
                boolean sameScope = Objects.equals(a.province(), b.province());
                boolean overlap = !(a.validTo() != null && a.validTo().isBefore(b.validFrom()))
                        && !(b.validTo() != null && b.validTo().isBefore(a.validFrom()));
                check(file, !(sameScope && overlap), "rows " + a.id() + " and " + b.id()
                        + " are both in force for " + (a.province() == null ? "the nation" : a.province()) + " on one day");
            }
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void check(String file, boolean ok, String problem) {
        if (!ok) {
            throw new RuleTableException(file, problem);
        }
    }
}
