package org.pangeagraph.security;

import java.util.Locale;
import java.util.Optional;

/** What a user may do. A user may hold several roles; the widest wins. */
public enum Role {

    /** Reads what their cases and the untagged graph hold. */
    VIEWER,

    /** Reads like a viewer; writes facts that belong to no case or only to their own cases. */
    INVESTIGATOR,

    /** Reads and writes everything, whatever its cases; opens cases; runs imports. */
    ADMIN;

    /** The Spring Security authority of the role. */
    String authority() {
        return "ROLE_" + name();
    }

    /** The role a name from configuration or a token claim stands for: any case, with or without {@code ROLE_}. */
    static Optional<Role> named(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("ROLE_") ? upper.substring(5) : upper;
        for (Role role : values()) {
            if (role.name().equals(bare)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

}
