package io.icpflow.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.filing.ReasonCode;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.Provinces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped rule tables load, answer by province and day, and a broken table stops the start with its file and row. */
class RuleBookTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final Provinces PROVINCES = new Provinces(JSON);
    static final DomainNames DOMAINS = new DomainNames();
    private final RuleBook rules = new RuleBook(JSON, PROVINCES, DOMAINS);

    @ParameterizedTest(name = "{0} on {1}: CA review limit {2} business days ({3})")
    @CsvSource({
            "ZJ, 2026-12-01, 30, CA_REVIEW_ZJ_30_DAYS",
            "GD, 2026-12-01, 20, CA_REVIEW_20_DAYS",
            "BJ, 2010-06-01, 20, CA_REVIEW_20_DAYS"})
    void theCaReviewLimitOfTheProvince(String province, LocalDate day, int limit, String rule) {
        Rule found = rules.required(RuleTables.CA_REVIEW_LIMIT, province, day);
        assertThat(found.intValue()).isEqualTo(limit);
        assertThat(found.id()).isEqualTo(rule);
        assertThat(found.source().url()).startsWith("http");
    }

    /** The dated rows the DMN table held before (002 §2, 003): the same answers. */
    @ParameterizedTest(name = "{0} on {1}: {2} domain(s) per website")
    @CsvSource({
            "ZJ, 2026-11-23, 1",
            "ZJ, 2019-04-22, 1",
            "ZJ, 2019-04-21, 10",
            "BJ, 2018-06-01, 10",
            "GX, 2019-04-21, 1",
            "CQ, 2015-01-01, 1",
            "GX, 2026-01-01, 1"})
    void domainsPerWebsiteByProvinceAndDate(String province, LocalDate date, int max) {
        assertThat(rules.required(RuleTables.DOMAINS_PER_WEBSITE, province, date).intValue()).isEqualTo(max);
    }

    @Test
    void perApplicationLimitsExistOnlyWhereACaSetsThem() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThat(rules.inForce(RuleTables.WEBSITES_PER_APPLICATION, "HB", day)).hasValueSatisfying(r -> assertThat(r.intValue()).isOne());
        assertThat(rules.inForce(RuleTables.WEBSITES_PER_APPLICATION, "HN", day)).hasValueSatisfying(r -> assertThat(r.intValue()).isOne());
        assertThat(rules.inForce(RuleTables.WEBSITES_PER_APPLICATION, "ZJ", day)).isEmpty();
        assertThat(rules.inForce(RuleTables.DOMAINS_PER_APPLICATION, "HA", day))
                .hasValueSatisfying(r -> assertThat(r.value().path("ENTERPRISE").asInt()).isEqualTo(5));
        assertThat(rules.inForce(RuleTables.DOMAINS_PER_APPLICATION, "SX", day))
                .hasValueSatisfying(r -> assertThat(r.value().path("ENTERPRISE").asInt()).isEqualTo(3));
        assertThat(rules.inForce(RuleTables.DOMAINS_PER_APPLICATION, "GD", day)).isEmpty();
    }

    /** Every reason code names a rule: a national check, or the dated table that gives it. */
    @Test
    void everyReasonCodeHasItsRule() {
        Set<String> fromTables = Set.of("TLD_NOT_APPROVED", "TOO_MANY_DOMAINS", "TOO_MANY_WEBSITES", "TOO_MANY_DOMAINS_IN_APPLICATION",
                "SMS_VERIFICATION_EXPIRED", "SMS_VERIFICATION_FAILED", "PRE_APPROVAL_REQUIRED", "SERVICE_NUMBER_MISSING", "SERVICE_NUMBER_INVALID",
                "SERVICE_NUMBER_USED", "RESOURCE_EXPIRING", "MATERIAL_MISSING", "VERIFICATION_FAILED");
        assertThat(Arrays.stream(ReasonCode.values()).map(Enum::name).filter(code -> !fromTables.contains(code)))
                .allSatisfy(code -> assertThat(rules.checkOf(code)).as(code).isPresent());
        assertThat(fromTables).allSatisfy(code -> assertThat(rules.checkOf(code)).as(code + " comes from its table").isEmpty());
    }

    @Test
    void theRulesOfADayAreThoseInForce() {
        assertThat(rules.onDate(LocalDate.of(2017, 6, 1))).filteredOn(t -> t.name().equals(RuleTables.APPROVED_SUFFIXES)).singleElement()
                .satisfies(t -> assertThat(t.rows()).extracting(Rule::id).containsExactly("SUFFIX_ORG_BEFORE_2018"));
        assertThat(rules.onDate(LocalDate.of(2026, 12, 1))).extracting(RuleTable::name).containsAll(RuleTables.ALL);
    }

    @Test
    void aBrokenTableStopsTheStartNamingItsFileAndRow(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        broken(dir, "ca-review-limit.json", "\"value\": 30", "\"value\": 30, \"validTo\": \"2001-01-01\"");
        assertThatThrownBy(() -> load(dir)).isInstanceOf(RuleTableException.class)
                .hasMessage("rules/ca-review-limit.json: row CA_REVIEW_ZJ_30_DAYS: validTo is before validFrom");
        copyShipped(dir);
        broken(dir, "ca-review-limit.json", "\"province\": \"ZJ\"", "\"province\": \"XX\"");
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("row CA_REVIEW_ZJ_30_DAYS: unknown province XX");
        copyShipped(dir);
        broken(dir, "ca-review-limit.json", "\"province\": \"ZJ\"", "\"province\": null");
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("rows CA_REVIEW_20_DAYS and CA_REVIEW_ZJ_30_DAYS are both in force");
        copyShipped(dir);
        broken(dir, "domains-per-website.json", "\"value\": 1,", "\"value\": \"one\",");
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("domains-per-website.json").hasMessageContaining("positive whole number");
        copyShipped(dir);
        broken(dir, "sms-verification.json", "\"url\": \"https://cloud.tencent.com/document/product/243/13435\"", "\"url\": \"\"");
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("SMS_VERIFICATION_2020: a source with a title and an address");
        copyShipped(dir);
        broken(dir, "approved-suffixes.json", "\"source\"", "\"sauce\"");
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("approved-suffixes.json: not a rule table");
        copyShipped(dir);
        Files.delete(dir.resolve("checks.json"));
        assertThatThrownBy(() -> load(dir)).hasMessage("rules/checks.json: missing: the product applies this table");
    }

    private static RuleBook load(Path dir) {
        return new RuleBook(JSON, PROVINCES, DOMAINS, "file:" + dir + "/*.json");
    }

    private static void copyShipped(Path dir) throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void broken(Path dir, String file, String from, String to) throws IOException {
        String text = Files.readString(dir.resolve(file));
        assertThat(text).as(file + " holds " + from).contains(from);
        Files.writeString(dir.resolve(file), text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }
}
