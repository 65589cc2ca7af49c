package org.pangeagraph.investigation;

/** Cypher fragments for routes through the graph, from variable names fixed in query text. */
final class Routes {

    private Routes() {
    }

    /** A relationship as a map with its type under {@code __type}. */
    static String link(String variable) {
        return variable + " {.*, __type: type(" + variable + ")}";
    }

    /**
     * A route of one link ({@code link}) or two ({@code link}, then {@code second} through {@code via}),
     * as a map of its links and the node between them; {@code via} and {@code second} are null for one link.
     */
    static String route(String link, String via, String second) {
        return "{links: [" + link(link) + "] + CASE WHEN " + second + " IS NULL THEN [] ELSE [" + link(second) + "] END, "
                + "via: CASE WHEN " + via + " IS NULL THEN [] ELSE [" + node(via) + "] END}";
    }

    /** A node as a map with its labels under {@code __labels}. */
    static String node(String variable) {
        return variable + " {.*, __labels: labels(" + variable + ")}";
    }

}
