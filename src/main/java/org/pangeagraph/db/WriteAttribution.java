package org.pangeagraph.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who the application writes for on the current thread: the signed-in user of a GraphQL request, or
 * an import run. {@link GraphDb} puts it in the metadata of every transaction it opens, where the
 * change feed reads it ({@code db.changes.ChangeCapture}): a write is attributed to the user or import
 * run that made it. A transaction without this metadata came from another client of the database:
 * over Bolt (cypher-shell, Neo4j Browser) it is attributed to {@code bolt}.
 *
 * @param user the user name, or null
 * @param importRun the id of the import run, or null
 */
public record WriteAttribution(String user, String importRun) {

    /** The transaction metadata keys; the application's own transactions carry {@link #APPLICATION}. */
    public static final String APPLICATION = "pangea.app";

    public static final String APPLICATION_NAME = "pangea-graph";

    public static final String USER = "pangea.user";

    public static final String IMPORT_RUN = "pangea.importRun";

    private static final ThreadLocal<WriteAttribution> CURRENT = new ThreadLocal<>();

    /** The attribution on this thread, or null. */
    public static WriteAttribution current() {
        return CURRENT.get();
    }

    /** Runs {@code work} attributed to {@code attribution}, then restores what was there. */
    public static <T> T with(WriteAttribution attribution, Supplier<T> work) {
        WriteAttribution before = CURRENT.get();
        set(attribution);
        try {
            return work.get();
        }
        finally {
            set(before);
        }
    }

    static void set(WriteAttribution attribution) {
        if (attribution == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(attribution);
        }
    }

    /**
     * The metadata of a transaction the application opens on this thread: always {@link #APPLICATION},
     * then the user and import run when known.
     */
    static Map<String, Object> metadata() {
        WriteAttribution current = CURRENT.get();
        Map<String, Object> metadata = new LinkedHashMap<>(4);
        metadata.put(APPLICATION, APPLICATION_NAME);
        if (current != null) {
            if (current.user() != null) {
                metadata.put(USER, current.user());
            }
            if (current.importRun() != null) {
                metadata.put(IMPORT_RUN, current.importRun());
            }
        }
        return metadata;
    }

}
