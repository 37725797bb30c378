package io.icpflow.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ICP numbers: a subject's {@code 浙ICP备2026012345号} and its websites' {@code 浙ICP备2026012345号-1}. */
public final class IcpNumbers {

    private static final Pattern WEBSITE = Pattern.compile("^(.*号)-(\\d+)$");

    private IcpNumbers() {
    }

    /** The subject's number of a subject, website or app number (itself for a subject number). */
    public static String subjectNumberOf(String icpNumber) {
        return IcpNumber.parse(icpNumber).map(n -> n.subject().toString())
                .orElse(icpNumber == null ? "" : icpNumber.strip());
    }

    /** N of a website number {@code …号-N}, or 0 for a subject number. */
    public static int websiteSequenceOf(String icpNumber) {
        Matcher m = WEBSITE.matcher(icpNumber == null ? "" : icpNumber.strip());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    public static String websiteNumber(String subjectNumber, int seq) {
        return subjectNumber + "-" + seq;
    }
}
