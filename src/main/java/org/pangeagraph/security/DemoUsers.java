package org.pangeagraph.security;

import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo users of the {@code local} profile have passwords printed in the documentation. The
 * application refuses to start in the {@code production} profile while any configured user signs in
 * with one of them, however the entry is named or wherever it was copied to.
 */
final class DemoUsers {

    /** The passwords of docs/security.md; application.yml holds only their hashes. */
    static final List<String> PASSWORDS = List.of("viewer-demo", "investigator-demo", "admin-demo");

    private DemoUsers() {
    }

    static void refuseInProduction(List<SecuritySettings.BuiltInUser> users, PasswordEncoder encoder) {
        List<String> demo = users.stream()
            .filter(u -> u.password() != null && PASSWORDS.stream().anyMatch(p -> matches(encoder, p, u.password())))
            .map(SecuritySettings.BuiltInUser::name)
            .toList();
        if (!demo.isEmpty()) {
            throw new SecurityConfigurationException("The production profile is active and these users sign in with a"
                    + " documented demo password: " + String.join(", ", demo) + ".",
                    "Remove them from pangea.security.users, or give them passwords of their own (docs/security.md says how"
                            + " to hash one); do not run the production profile together with the local one.");
        }
    }

    private static boolean matches(PasswordEncoder encoder, String password, String hash) {
        try {
            return encoder.matches(password, hash);
        }
        catch (IllegalArgumentException ex) {
            // A hash of an unknown encoder is reported where the users are read; it is no demo password.
            return false;
        }
    }

}
