package io.icpflow.rules;

import java.util.List;

/** The names of the rule tables the product applies (each is {@code rules/<name>.json}). */
public final class RuleTables {

    /** The CA's review limit in business days (INTEGER, SINGLE). */
    public static final String CA_REVIEW_LIMIT = "ca-review-limit";
    /** The domain suffixes MIIT approved for filing, and whether new filings may use them (SUFFIXES, LIST). */
    public static final String APPROVED_SUFFIXES = "approved-suffixes";
    /** Domains one website may list (INTEGER, SINGLE). */
    public static final String DOMAINS_PER_WEBSITE = "domains-per-website";
    /** Websites one application may carry (INTEGER, SINGLE). */
    public static final String WEBSITES_PER_APPLICATION = "websites-per-application";
    /** New domains one application may carry (INTEGER, SINGLE). */
    public static final String DOMAINS_PER_APPLICATION = "domains-per-application";
    /** MIIT's SMS check: how long, who, how many wrong codes, resending (OBJECT, SINGLE). */
    public static final String SMS_VERIFICATION = "sms-verification";

    /** The national checks that are the same everywhere, one row per reason code ({"code": …}; OBJECT, LIST). */
    public static final String CHECKS = "checks";

    /** Words that make a website's or app's name a finance service ({"words": [...]}; OBJECT, LIST). */
    public static final String FINANCE_WORDS = "finance-words";

    /** Which cloud resources give service numbers, and how many (OBJECT, SINGLE). */
    public static final String SERVICE_NUMBERS = "service-numbers";

    /** Which materials an application needs, where, and when (the checklist; OBJECT, LIST). */
    public static final String MATERIALS = "materials";
    /** Who passes electronic identity verification for each type, the session's life and the failures it takes (OBJECT, SINGLE). */
    public static final String IDENTITY_VERIFICATION = "identity-verification";

    public static final List<String> ALL = List.of(CHECKS, FINANCE_WORDS, CA_REVIEW_LIMIT, APPROVED_SUFFIXES, DOMAINS_PER_WEBSITE,
            WEBSITES_PER_APPLICATION, DOMAINS_PER_APPLICATION, SMS_VERIFICATION, SERVICE_NUMBERS, MATERIALS, IDENTITY_VERIFICATION);

    private RuleTables() {
    }
}
