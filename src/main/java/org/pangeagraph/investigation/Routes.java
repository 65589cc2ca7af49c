package org.pangeagraph.investigation;

/** Cypher fragments for routes through the graph, from variable names fixed in query text. */
final class Routes {

    private Routes() {
    }

    /** A relationship as a map with its type under {@code __type}. */
    static String link(String variable) {
        return variable + " {.*, __type: type(" + variable + ")}";
    }

    /** A node as a map with its labels under {@code __labels}. */
    static String node(String variable) {
        return variable + " {.*, __labels: labels(" + variable + ")}";
    }

}
