package org.pangeagraph.support;

import java.util.Map;

/**
 * The built-in users of the test profile (application-test.yml holds their hashes) and their
 * passwords: one user per role and case membership the need-to-know tests tell apart.
 */
public final class TestUsers {

    public static final String ADMIN = "admin";

    /** Reads only what belongs to no case. */
    public static final String VIEWER = "viewer";

    /** Member of CASE-A. */
    public static final String INVESTIGATOR_A = "investigator-a";

    /** Member of CASE-B. */
    public static final String INVESTIGATOR_B = "investigator-b";

    /** Member of CASE-A and CASE-B. */
    public static final String INVESTIGATOR_AB = "investigator-ab";

    private static final Map<String, String> PASSWORDS = Map.of(ADMIN, "admin-test", VIEWER, "viewer-test",
            INVESTIGATOR_A, "investigator-a-test", INVESTIGATOR_B, "investigator-b-test", INVESTIGATOR_AB, "investigator-ab-test");

    private TestUsers() {
    }

    public static String password(String user) {
        String password = PASSWORDS.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No test user " + user);
        }
        return password;
    }

}
