package io.icpflow.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ICP number, the one place that parses, formats and validates them: a subject's
 * {@code 浙ICP备2026012345号}, and under it its websites {@code …号-1}, apps {@code …号-2A}, mini programs
 * {@code …号-3X} and quick apps {@code …号-4K} (one sequence per subject; MIIT's notice of 2023-08-04).
 *
 * @param province the province's one-character abbreviation (浙, 京, 粤 …)
 * @param serial   the digits between 备 and 号 (year and sequence)
 * @param sequence the number of the website, app, … under the subject; 0 for the subject itself
 */
public record IcpNumber(String province, String serial, int sequence, Kind kind) {

    public enum Kind {
        SUBJECT("", "subject"), WEBSITE("", "website"), APP("A", "app"), MINI_PROGRAM("X", "mini program"), QUICK_APP("K", "quick app");

        private final String suffix;
        private final String label;

        Kind(String suffix, String label) {
            this.suffix = suffix;
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Mini programs and quick apps are filed by their platforms (WeChat, Alipay, the quick-app alliance), not by an access provider. */
        public boolean isFiledByPlatform() {
            return this == MINI_PROGRAM || this == QUICK_APP;
        }
    }

    /** At most 64 characters are looked at: no real number is longer. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORMAT = Pattern.compile("^(\\p{IsHan})ICP备(\\d{6,12})号(?:-([1-9]\\d{0,3})([AXK])?)?$");

    public static Optional<IcpNumber> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(3) == null) {
            return Optional.of(new IcpNumber(m.group(1), m.group(2), 0, Kind.SUBJECT));
        }
        Kind kind = switch (m.group(4) == null ? "" : m.group(4)) {
            case "A" -> Kind.APP;
            case "X" -> Kind.MINI_PROGRAM;
            case "K" -> Kind.QUICK_APP;
            default -> Kind.WEBSITE;
        };
        return Optional.of(new IcpNumber(m.group(1), m.group(2), Integer.parseInt(m.group(3)), kind));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** A subject's number: {@code subject("浙", "2026012345")} is 浙ICP备2026012345号. */
    public static IcpNumber subject(String province, String serial) {
        return new IcpNumber(province, serial, 0, Kind.SUBJECT);
    }

    /** The subject's number of a subject, website or app number (itself for a subject number; the text as given if it is none). */
    public static String subjectNumberOf(String text) {
        return parse(text).map(n -> n.subject().toString()).orElse(text == null ? "" : text.strip());
    }

    /** N of {@code …号-N} (a website, app … under the subject), 0 for a subject number or no number. */
    public static int sequenceOf(String text) {
        return parse(text).map(IcpNumber::sequence).orElse(0);
    }

    public IcpNumber website(int sequence) {
        return child(sequence, Kind.WEBSITE);
    }

    public IcpNumber app(int sequence) {
        return child(sequence, Kind.APP);
    }

    public IcpNumber subject() {
        return new IcpNumber(province, serial, 0, Kind.SUBJECT);
    }

    public IcpNumber child(int sequence, Kind kind) {
        return new IcpNumber(province, serial, sequence, kind);
    }

    @Override
    public String toString() {
        String subject = province + "ICP备" + serial + "号";
        return kind == Kind.SUBJECT ? subject : subject + "-" + sequence + kind.suffix;
    }
}
