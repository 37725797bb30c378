package io.icpflow.filing;

import java.util.List;

/**
 * The body of {@code POST /api/filings} and of a resubmission (API.md). Validated by
 * {@link ApplicationValidator}; stored normalised (domains as lower-case ASCII).
 */
public record FilingApplication(
        FilingType type,
        String locale,
        Subject subject,
        List<Website> websites,
        String icpNumber,
        String reason) {

    public enum SubjectKind { ENTERPRISE, INDIVIDUAL }

    public enum Content { PERSONAL, COMPANY, OTHER }

    public record Subject(SubjectKind kind, String name, String idNumber, String province, Contact contact) {
    }

    public record Contact(String name, String email, String mobile) {
    }

    public record Website(String name, List<String> domains, String serverRegion, Content content,
                          Boolean domainCertificate) {
    }

    public String localeOrDefault() {
        return locale == null || locale.isBlank() ? "zh-CN" : locale;
    }
}
