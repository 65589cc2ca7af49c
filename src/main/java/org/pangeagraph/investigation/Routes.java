package org.pangeagraph.investigation;

import java.util.ArrayList;
import java.util.List;

import org.pangeagraph.model.Visibility;

/** Cypher fragments for routes through the graph, from variable names fixed in query text. */
final class Routes {

    private Routes() {
    }

    /** Every relationship visible and valid on {@code $asOf}, every node visible. */
    static String visibleAndValid(List<String> relationships, List<String> nodes) {
        List<String> parts = new ArrayList<>();
        for (String r : relationships) {
            parts.add(Visibility.visible(r));
            parts.add(Visibility.validOn(r));
        }
        for (String n : nodes) {
            parts.add(Visibility.visible(n));
        }
        return String.join(" AND ", parts);
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
