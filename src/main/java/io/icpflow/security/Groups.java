package io.icpflow.security;

/** The groups of API.md; each is also the Spring Security authority of its members. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String REVIEWERS = "icp-reviewers";
    public static final String OPS = "icp-ops";
    public static final String ANALYSTS = "icp-analysts";
    public static final String APPLICANTS = "icp-applicants";
    public static final String REGULATOR = "icp-regulator";
    /** The identity-verification service posting its results (API.md). */
    public static final String VERIFIER = "icp-verifier";

    /** Staff: they alone get the webapps and the engine's API; applicants, the regulator and the verifier never. */
    public static final java.util.Set<String> STAFF = java.util.Set.of(ADMIN, REVIEWERS, OPS, ANALYSTS);

    public static boolean anyStaff(java.util.Collection<String> groups) {
        return groups.stream().anyMatch(STAFF::contains);
    }

    private Groups() {
    }
}
