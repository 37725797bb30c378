package io.icpflow.filing;

/**
 * Applicant-visible reason codes. Messages (zh-CN, en) are in {@code i18n/messages*.properties}
 * under {@code reason.<CODE>}; the seed each rule comes from is named there and in PRODUCT.md.
 */
public enum ReasonCode {
    TLD_NOT_APPROVED,
    REGISTRAR_NOT_APPROVED,
    DOMAIN_REGISTERED_ABROAD,
    DOMAIN_EXPIRED,
    REAL_NAME_MISSING,
    HOLDER_MISMATCH,
    IDENTITY_VERIFICATION_OVERDUE,
    DOMAIN_FILED_BY_OTHERS,
    FILED_WITH_OTHER_PROVIDER,
    ALREADY_FILED,
    SUBJECT_EXISTS_ELSEWHERE,
    TOO_MANY_DOMAINS,
    INDIVIDUAL_COMPANY_CONTENT,
    /** No longer given (the DOMAIN_CERTIFICATE material's MATERIAL_MISSING replaced it); kept for filings returned with it. */
    DOMAIN_CERTIFICATE_REQUIRED,
    TOP_DOMAIN_NOT_FILED,
    APPLICATION_IN_PROGRESS,
    SMS_VERIFICATION_EXPIRED,
    RETURNED_BY_REVIEWER,
    // added where PRODUCT.md is silent
    /** NEW_FILING for a subject that already has a filing here: add a website instead. */
    SUBJECT_ALREADY_FILED,
    /** NEW_WEBSITE for a subject with no filing here (under this account). */
    SUBJECT_NOT_FILED,
    /** The communications administration rejected the application; the detail is its reason. */
    CA_REJECTED,
    /** NOT_REQUIRED: every website is served from outside the mainland (002 §1). */
    SERVER_OUTSIDE_MAINLAND,
    /** NOT_REQUIRED: a sub-domain of a domain already filed here (003). */
    SUBDOMAIN_OF_FILED_DOMAIN,
    /** TRANSFER: the domain is not filed at MIIT under the number given (001, 002 §3). */
    TRANSFER_NOT_FOUND,
    /** TRANSFER: the filing at MIIT belongs to another subject (003). */
    TRANSFER_SUBJECT_MISMATCH,
    /** Cancellation: the number is not an active filing of this subject and account here. */
    NUMBER_NOT_OURS,
    /** CANCEL_SUBJECT while websites are still connected here and not part of the request. */
    WEBSITES_STILL_ACCESSED,
    /** A cancellation of the same number is already in progress. */
    CANCELLATION_IN_PROGRESS,
    /** MIIT cancelled the ICP number (004): apply again at once if the website is still in use. */
    NUMBER_CANCELLED_BY_MIIT,
    /** MIIT: the domain resolves to an address that is not this provider's (004). */
    FILING_INVALID,
    /** The invalid filing was not remedied in time: our access was cancelled. */
    ACCESS_CANCELLED_NOT_REMEDIED,
    // notices: information, not a failure
    /** TRANSFER of every domain: the old provider's filing becomes an empty shell, listed 7 days, then deregistered. */
    EMPTY_SHELL_AFTER_TRANSFER,
    /** TRANSFER of some domains: both filings stay usable. */
    PARTIAL_TRANSFER,
    /** A filed website moved to a server outside the mainland: the filing may be revoked (002 §1). */
    FILING_MAY_BE_REVOKED,
    // the provinces' and MIIT's dated rules (rules/): each reason names the row it applied
    /** More websites in one application than the province takes (rules/websites-per-application.json). */
    TOO_MANY_WEBSITES,
    /** More new domains in one application than the province takes (rules/domains-per-application.json). */
    TOO_MANY_DOMAINS_IN_APPLICATION,
    /** MIIT's SMS check failed: too many wrong codes (webhook SMS_FAILED; rules/sms-verification.json). */
    SMS_VERIFICATION_FAILED,
    /** A finance name without the FINANCE pre-approval category (rules/finance-words.json). */
    PRE_APPROVAL_REQUIRED,
    // changes (变更备案) and apps (APP备案)
    /** A change of what a change cannot change: the subject's ID number, province or kind; a website's domains, but removing. */
    FIELD_NOT_CHANGEABLE,
    /** A change that changes nothing of the filing as it stands. */
    NOTHING_TO_CHANGE,
    /** An app with this package name or bundle id is filed already. */
    APP_ALREADY_FILED,
    // service numbers (备案服务号; rules/service-numbers.json)
    /** A website or app without a service number. */
    SERVICE_NUMBER_MISSING,
    /** A service number that is unknown or another caller's. */
    SERVICE_NUMBER_INVALID,
    /** A service number bound to another website or app. */
    SERVICE_NUMBER_USED,
    /** The service number's resource has under a month left. */
    RESOURCE_EXPIRING,
    // materials (rules/materials.json) and the reviewer's verdict on them
    /** A material the rules ask for is not attached (or the id is not an upload of the caller's of that kind). */
    MATERIAL_MISSING,
    /** The provider's reviewer rejected this material; the detail is the reviewer's reasons. */
    MATERIAL_REJECTED,
    // identity verification (rules/identity-verification.json)
    /** The principals' electronic identity verification failed as often as the rules allow (three times). */
    VERIFICATION_FAILED
}
