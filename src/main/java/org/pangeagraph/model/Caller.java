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

    /** Whether the caller holds this role (VIEWER, INVESTIGATOR, ADMIN). */
    public boolean hasRole(String role) {
        return this.roles.contains(role);
    }

    /**
     * Whether the caller may tag a fact with these cases, or change a fact tagged with them: an
     * investigator only facts of no case or of their own cases alone.
     */
    public boolean mayTag(List<String> cases) {
        return this.visibility.all() || this.writableCases.containsAll(cases);
    }

}
