package io.icpflow.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainNamesTest {

    private final DomainNames names = new DomainNames();

    @Test
    void idnAndPunycodeAreTheSameDomain() {
        assertThat(names.normalize("例子.中国")).hasValue("xn--fsqu00a.xn--fiqs8s");
        assertThat(names.normalize("xn--fsqu00a.xn--fiqs8s")).hasValue("xn--fsqu00a.xn--fiqs8s");
        assertThat(names.normalize("Example.CN.")).hasValue("example.cn");
        assertThat(names.toUnicode("xn--fsqu00a.xn--fiqs8s")).isEqualTo("例子.中国");
    }

    @Test
    void rejectsWhatIsNotARegistrableHostName() {
        assertThat(names.normalize("cn")).isEmpty();
        assertThat(names.normalize("com.cn")).isEmpty();
        assertThat(names.normalize("exa mple.cn")).isEmpty();
        assertThat(names.normalize("-bad-.cn")).isEmpty();
        assertThat(names.normalize("a..cn")).isEmpty();
        assertThat(names.normalize("")).isEmpty();
    }

    @Test
    void knowsRegistrableDomainsAndPublicSuffixes() {
        assertThat(names.registrableDomain("www.example.com.cn")).isEqualTo("example.com.cn");
        assertThat(names.isSubdomain("www.example.cn")).isTrue();
        assertThat(names.isSubdomain("example.com.cn")).isFalse();
        assertThat(names.publicSuffix("xn--fsqu00a.xn--fiqs8s")).isEqualTo(names.suffixToAscii("中国").orElseThrow());
    }
}
