package io.icpflow.filing;

import io.icpflow.materials.MaterialKind;
import io.icpflow.reference.PreApprovalCategory;

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
        List<App> apps,
        String icpNumber,
        String reason) {

    public FilingApplication {
        // stored before apps existed, or sent without them: none
        apps = apps == null ? List.of() : apps;
    }

    /** An application without apps. */
    public FilingApplication(FilingType type, String locale, Subject subject, List<Website> websites, String icpNumber, String reason) {
        this(type, locale, subject, websites, List.of(), icpNumber, reason);
    }

    public enum SubjectKind { ENTERPRISE, INDIVIDUAL }

    public enum Content { PERSONAL, COMPANY, OTHER }

    /**
     * @param materials                      the subject's materials by id (business licence, ID cards …)
     * @param principalIsLegalRepresentative false: the subject's principal is not its legal representative
     *                                       (some provinces then ask for an authorisation letter); null: they are
     */
    public record Subject(SubjectKind kind, String name, String idNumber, String province, Contact contact, List<MaterialRef> materials,
                          Boolean principalIsLegalRepresentative) {

        public Subject(SubjectKind kind, String name, String idNumber, String province, Contact contact) {
            this(kind, name, idNumber, province, contact, null, null);
        }

        public Subject withMaterials(List<MaterialRef> refs) {
            return new Subject(kind, name, idNumber, province, contact, refs, principalIsLegalRepresentative);
        }
    }

    /** An upload attached to the application by id (API.md: {@code {"kind", "id"}}). */
    public record MaterialRef(MaterialKind kind, String id) {
    }

    public record Contact(String name, String email, String mobile) {
    }

    /**
     * @param preApprovalCategories the competent authorities' licences the content needs (前置审批: NEWS, FINANCE …);
     *                              null or empty: none
     * @param serviceNumber         the service number (备案服务号) of the caller's cloud resource that serves it
     * @param materials             the website's materials by id (the principal's ID card, a domain certificate …)
     * @param domainHeldByForeignParent the domain's holder is the subject's parent company abroad (Shanghai then asks for its certificate)
     */
    public record Website(String name, List<String> domains, String serverRegion, Content content,
                          Boolean domainCertificate, List<PreApprovalCategory> preApprovalCategories, String serviceNumber,
                          List<MaterialRef> materials, Boolean domainHeldByForeignParent) {

        public Website(String name, List<String> domains, String serverRegion, Content content, Boolean domainCertificate) {
            this(name, domains, serverRegion, content, domainCertificate, null, null, null, null);
        }

        public Website(String name, List<String> domains, String serverRegion, Content content, Boolean domainCertificate,
                       List<PreApprovalCategory> preApprovalCategories) {
            this(name, domains, serverRegion, content, domainCertificate, preApprovalCategories, null, null, null);
        }

        public Website withServiceNumber(String number) {
            return new Website(name, domains, serverRegion, content, domainCertificate, preApprovalCategories, number, materials,
                    domainHeldByForeignParent);
        }

        public Website withMaterials(List<MaterialRef> refs) {
            return new Website(name, domains, serverRegion, content, domainCertificate, preApprovalCategories, serviceNumber, refs,
                    domainHeldByForeignParent);
        }

        public boolean declares(PreApprovalCategory category) {
            return preApprovalCategories != null && preApprovalCategories.contains(category);
        }
    }

    /**
     * An app filed like a website (APP备案, MIIT notice of 2023-08-04), with the feature data of each platform
     * it is published on.
     */
    public record App(String name, Content content, String serverRegion, List<AppPlatform> platforms,
                      List<PreApprovalCategory> preApprovalCategories, String serviceNumber, List<MaterialRef> materials) {

        public App(String name, Content content, String serverRegion, List<AppPlatform> platforms,
                   List<PreApprovalCategory> preApprovalCategories) {
            this(name, content, serverRegion, platforms, preApprovalCategories, null, null);
        }

        public App withServiceNumber(String number) {
            return new App(name, content, serverRegion, platforms, preApprovalCategories, number, materials);
        }

        public App withMaterials(List<MaterialRef> refs) {
            return new App(name, content, serverRegion, platforms, preApprovalCategories, serviceNumber, refs);
        }

        public boolean declares(PreApprovalCategory category) {
            return preApprovalCategories != null && preApprovalCategories.contains(category);
        }

        public List<String> platformNames() {
            return platforms == null ? List.of() : platforms.stream().map(p -> p.platform().name()).toList();
        }
    }

    public enum Platform {
        ANDROID, IOS, HARMONYOS;

        /** iOS apps are known by their bundle id and certificate SHA-1; Android and HarmonyOS by package name and MD5. */
        public boolean usesBundleId() {
            return this == IOS;
        }
    }

    /**
     * One platform's feature data (API.md "Apps"): Android and HarmonyOS a package name and the signing
     * certificate's MD5, iOS a bundle id and its SHA-1; each the public key.
     */
    public record AppPlatform(Platform platform, String packageName, String bundleId, String publicKey, String md5, String sha1) {

        /** The package name or bundle id: what makes an app the same app at MIIT. */
        public String identifier() {
            return platform != null && platform.usesBundleId() ? bundleId : packageName;
        }
    }


    public FilingApplication withIcpNumber(String number) {
        return new FilingApplication(type, locale, subject, websites, apps, number, reason);
    }

    public FilingApplication withWebsites(List<Website> newWebsites) {
        return new FilingApplication(type, locale, subject, newWebsites, apps, icpNumber, reason);
    }

    public FilingApplication withSubject(Subject newSubject) {
        return new FilingApplication(type, locale, newSubject, websites, apps, icpNumber, reason);
    }

    public FilingApplication withApps(List<App> newApps) {
        return new FilingApplication(type, locale, subject, websites, newApps, icpNumber, reason);
    }

    public String localeOrDefault() {
        return locale == null || locale.isBlank() ? "zh-CN" : locale;
    }
}
