package io.icpflow.security;

/** The groups of API.md; each is also the Spring Security authority of its members. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String REVIEWERS = "icp-reviewers";
    public static final String OPS = "icp-ops";
    public static final String ANALYSTS = "icp-analysts";
    public static final String APPLICANTS = "icp-applicants";
    public static final String REGULATOR = "icp-regulator";

    /** Staff: they alone get the webapps and the engine's API; applicants and the regulator never. */
    public static final java.util.Set<String> STAFF = java.util.Set.of(ADMIN, REVIEWERS, OPS, ANALYSTS);

    public static boolean anyStaff(java.util.Collection<String> groups) {
        return groups.stream().anyMatch(STAFF::contains);
    }

    private Groups() {
    }
}
