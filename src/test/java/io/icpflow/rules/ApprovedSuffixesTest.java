package io.icpflow.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** MIIT's approved suffixes by day and province: .org closed to new filings since 2018, Beijing's own list. */
class ApprovedSuffixesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final ApprovedSuffixes suffixes = new ApprovedSuffixes(new RuleBook(RuleBookTest.JSON, RuleBookTest.PROVINCES,
            RuleBookTest.DOMAINS), RuleBookTest.DOMAINS);

    @Test
    void orgIsClosedToNewFilingsSince2018AndKeptForExistingOnes() {
        assertThat(suffixes.refusal("example.org", "ZJ", TODAY, true)).hasValueSatisfying(r -> {
            assertThat(r.id()).isEqualTo("SUFFIX_ORG_EXISTING_ONLY");
            assertThat(r.validFrom()).isEqualTo(LocalDate.of(2018, 1, 1));
        });
        assertThat(suffixes.refusal("example.org", "ZJ", TODAY, false)).isEmpty();
        assertThat(suffixes.refusal("example.org", "ZJ", LocalDate.of(2017, 12, 31), true)).isEmpty();
        // .org.cn is another, approved suffix
        assertThat(suffixes.refusal("example.org.cn", "ZJ", TODAY, true)).isEmpty();
    }

    @Test
    void theSuffixesProvidersListFromMiitsApprovals() {
        for (String domain : new String[]{"example.co", "example.law", "example.fund", "example.games", "example.studio",
                "例子.中信", "例子.政务", "例子.公益", "example.cn", "例子.中国", "example.tv"}) {
            String ascii = RuleBookTest.DOMAINS.normalize(domain).orElseThrow();
            assertThat(suffixes.refusal(ascii, "ZJ", TODAY, true)).as(domain).isEmpty();
        }
        for (String domain : new String[]{"example.me", "example.name", "example.io"}) {
            assertThat(suffixes.refusal(domain, "ZJ", TODAY, true)).as(domain).isPresent();
        }
    }

    @Test
    void beijingKeepsItsOwnList() {
        assertThat(suffixes.refusal("example.com", "BJ", TODAY, true)).isEmpty();
        assertThat(suffixes.refusal("example.tel", "BJ", TODAY, true)).isEmpty();
        assertThat(suffixes.refusal("example.tel", "ZJ", TODAY, true)).isPresent();
        assertThat(suffixes.refusal("example.asia", "ZJ", TODAY, true)).isEmpty();
        assertThat(suffixes.refusal("example.asia", "BJ", TODAY, true)).hasValueSatisfying(r -> assertThat(r.province()).isEqualTo("BJ"));
        // before Beijing's list took effect, the national one applied there
        assertThat(suffixes.refusal("example.asia", "BJ", LocalDate.of(2018, 6, 1), true)).isEmpty();
    }
}
