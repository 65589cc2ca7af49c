package org.pangeagraph.model;

import java.util.List;

/**
 * Who is asking, as the data layer needs to know it: a name for {@code recordedBy} and the audit
 * trail, what they may see, and which cases they may write to.
 *
 * @param name the user name
 * @param roles the caller's roles (VIEWER, INVESTIGATOR, ADMIN), for the audit trail and role checks
 * @param visibility what the caller may see
 * @param mayWrite whether the caller may write at all
 * @param writableCases the cases the caller may tag facts with; ignored when {@code visibility.all()}
 */
public record Caller(String name, java.util.Set<String> roles, Visibility visibility, boolean mayWrite,
        List<String> writableCases) {

    /** The key under which the caller is kept in the GraphQL context of a request. */
    public static final String CONTEXT_KEY = "caller";

    public Caller {
        roles = java.util.Set.copyOf(roles);
        writableCases = List.copyOf(writableCases);
    }

    /** The application itself, or a local user with no security configured: sees and writes everything. */
    public static Caller system(String name) {
        return new Caller(name, java.util.Set.of("ADMIN"), Visibility.everything(), true, List.of());
    }

    /** Whether the caller may tag a fact with these cases. */
    public boolean mayTag(List<String> cases) {
        return this.visibility.all() || this.writableCases.containsAll(cases);
    }

}
