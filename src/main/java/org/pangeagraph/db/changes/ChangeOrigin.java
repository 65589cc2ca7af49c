package org.pangeagraph.db.changes;

/** Where a write came from. */
public enum ChangeOrigin {

    /** A signed-in user's GraphQL mutation. */
    MUTATION,
    /** The import command (or a script the application ran on a user's behalf). */
    IMPORT,
    /** Another client of the embedded database through its Bolt port (cypher-shell, Neo4j Browser). */
    BOLT,
    /** The application's own work: seeding, the post-import pass outside an import, maintenance. */
    APPLICATION,
    /**
     * Found by the reconciliation on {@code updatedAt}/{@code recordedAt} (an external database, where no
     * listener sees commits); the writer is known only from a link's {@code recordedBy}.
     */
    RECONCILIATION

}
