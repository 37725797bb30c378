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

    /**
     * @param preApprovalCategories the competent authorities' licences the content needs (前置审批: NEWS, FINANCE …);
     *                              null or empty: none
     */
    public record Website(String name, List<String> domains, String serverRegion, Content content,
                          Boolean domainCertificate, List<PreApprovalCategory> preApprovalCategories) {

        public Website(String name, List<String> domains, String serverRegion, Content content, Boolean domainCertificate) {
            this(name, domains, serverRegion, content, domainCertificate, null);
        }

        public boolean declares(PreApprovalCategory category) {
            return preApprovalCategories != null && preApprovalCategories.contains(category);
        }
    }

    /** Content that needs the competent authority's licence before it is filed (API.md; PRODUCT.md item 10). */
    public enum PreApprovalCategory {
        NEWS, PUBLISHING, CULTURE, AUDIO_VIDEO, DRUGS_MEDICAL_DEVICES, FINANCE, GAMES, RIDE_HAILING, EDUCATION, HEALTHCARE
    }

    public String localeOrDefault() {
        return locale == null || locale.isBlank() ? "zh-CN" : locale;
    }
}
