package io.icpflow.reference;

import com.google.common.net.InternetDomainName;
import com.ibm.icu.text.IDNA;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Domain names as we store and compare them: UTS #46 (ICU4J) to lower-case ASCII, so that
 * {@code 例子.中国} and {@code xn--fsqu00a.xn--fiqs8s} are the same domain; public suffixes from
 * Guava's copy of the Public Suffix List. Which suffixes MIIT approved for filing is a rule table
 * ({@code rules/approved-suffixes.json}).
 */
@Component
public class DomainNames {

    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE
                    | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.USE_STD3_RULES);


    /** The stored form, or empty if the name is not a valid host name under a public suffix. */
    public Optional<String> normalize(String input) {
        if (input == null || input.isBlank() || input.length() > 253) {
            return Optional.empty();
        }
        String trimmed = input.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return toAscii(trimmed).filter(ascii -> {
            if (!InternetDomainName.isValid(ascii)) {
                return false;
            }
            InternetDomainName name = InternetDomainName.from(ascii);
            return name.isUnderPublicSuffix();
        });
    }

    /** The registrable domain ({@code www.example.com.cn} → {@code example.com.cn}). */
    public String registrableDomain(String asciiDomain) {
        return InternetDomainName.from(asciiDomain).topPrivateDomain().toString();
    }

    public boolean isSubdomain(String asciiDomain) {
        return !registrableDomain(asciiDomain).equals(asciiDomain);
    }

    public String publicSuffix(String asciiDomain) {
        InternetDomainName suffix = InternetDomainName.from(asciiDomain).publicSuffix();
        return suffix == null ? "" : suffix.toString();
    }

    /** A public suffix as the rule tables list it ({@code 中国}, {@code 政务.cn}) in the form {@link #publicSuffix} returns. */
    public Optional<String> suffixToAscii(String suffix) {
        return suffix == null || suffix.isBlank() ? Optional.empty() : toAscii(suffix.strip());
    }


    /**
     * Whether a reader could take this name for another: a label that mixes scripts (Latin with
     * Cyrillic, Greek, …) or uses characters confusable across scripts (UTS #39, ICU's SpoofChecker).
     * Chinese with ASCII digits and letters is a normal mix and passes (Highly Restrictive).
     */
    public boolean looksLikeAnotherName(String asciiDomain) {
        String unicode = toUnicode(asciiDomain);
        if (unicode.equals(asciiDomain)) {
            return false;
        }
        for (String label : unicode.split("\\.")) {
            if (SPOOF.failsChecks(label)) {
                return true;
            }
        }
        return false;
    }

    private static final com.ibm.icu.text.SpoofChecker SPOOF = new com.ibm.icu.text.SpoofChecker.Builder()
            .setRestrictionLevel(com.ibm.icu.text.SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(com.ibm.icu.text.SpoofChecker.RESTRICTION_LEVEL | com.ibm.icu.text.SpoofChecker.MIXED_SCRIPT_CONFUSABLE
                    | com.ibm.icu.text.SpoofChecker.INVISIBLE | com.ibm.icu.text.SpoofChecker.MIXED_NUMBERS)
            .build();

    public String toUnicode(String asciiDomain) {
        StringBuilder out = new StringBuilder();
        UTS46.nameToUnicode(asciiDomain, out, new IDNA.Info());
        return out.toString();
    }

    private static Optional<String> toAscii(String name) {
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(name, out, info);
        if (info.hasErrors() || out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }
}
