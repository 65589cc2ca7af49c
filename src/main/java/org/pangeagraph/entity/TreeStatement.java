package org.pangeagraph.entity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.Visibility;

/**
 * The part of a root's statement that reads its {@link QueryTree}: a map with one entry per relationship
 * field, each a {@code COLLECT} subquery of the field's links in the field's order, cut at its
 * {@code first}, each link with its provenance, the entity at its other end and that entity's own map of
 * fields. Every node and link passes the need-to-know predicate and every link its {@code asOf}, exactly
 * as in the batched read ({@link EntityReader#relations}). For the website lookup
 * {@code ipAddresses { node { hostingProviders } }}:
 *
 * <pre>
 * {b0: COLLECT {
 *   MATCH (n)-[r1:HOSTED_AT]-&gt;(m1:IpAddress)
 *   WHERE visible(r1) AND visible(m1) AND validOn(r1, $asOf1)
 *   WITH r1, m1 ORDER BY coalesce(m1.address, m1.id), m1.id, r1.id LIMIT $first1
 *   RETURN {link: r1 {.*}, node: m1 {.*}, tree: {b0: COLLECT {
 *     MATCH (m1)-[r2:ALLOCATED_TO]-&gt;(m2:HostingProvider)
 *     ...
 *   }}}
 * }}
 * </pre>
 *
 * Types and labels come from the model, variable names are numbered, and the values ({@code asOf},
 * {@code first}) are parameters, so that the same shape of query is the same text for Neo4j's plan cache.
 * The nesting is the query's own, which the depth limit bounds; each list is bounded by its {@code first}.
 */
final class TreeStatement {

    /** The keys of a link's map in the statement's answer. */
    static final String LINK = "link";

    static final String NODE = "node";

    static final String LABELS = "labels";

    static final String TREE = "tree";

    private final Map<String, Object> parameters;

    private int links;

    private TreeStatement(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    /**
     * The map expression that reads {@code tree} under the entity bound to {@code root}, of {@code kind};
     * the parameters it takes are put in {@code parameters}.
     */
    static String projection(QueryTree tree, String root, NodeKind kind, Map<String, Object> parameters) {
        return new TreeStatement(parameters).map(tree.branches(), root, Set.of(kind), 1);
    }

    /** The key of the {@code index}th field of a level in its map. */
    static String key(int index) {
        return "b" + index;
    }

    private String map(List<QueryTree.Branch> branches, String parent, Set<NodeKind> parentKinds, int depth) {
        StringBuilder map = new StringBuilder("{");
        for (int i = 0; i < branches.size(); i++) {
            map.append(i == 0 ? "" : ", ").append(key(i)).append(": ").append(links(branches.get(i), parent, parentKinds, depth));
        }
        return map.append('}').toString();
    }

    /** The {@code COLLECT} subquery of one field's links from the entity bound to {@code parent}. */
    private String links(QueryTree.Branch branch, String parent, Set<NodeKind> parentKinds, int depth) {
        this.links++;
        String link = "r" + this.links;
        String node = "m" + this.links;
        String asOf = "asOf" + this.links;
        String first = "first" + this.links;
        this.parameters.put(asOf, branch.asOf());
        this.parameters.put(first, branch.first());
        RelationField field = branch.field();
        Set<NodeKind> targets = field.targets();
        String indent = "\n" + "  ".repeat(depth);
        // An entity of several kinds has the fields of each; the field's owner's only read for that kind.
        String owner = parentKinds.size() > 1 ? parent + ":" + field.owner().label() + " AND " : "";
        String labels = targets.size() > 1 ? ", " + LABELS + ": labels(" + node + ")" : "";
        String children = branch.children().isEmpty() ? ""
                : ", " + TREE + ": " + map(branch.children(), node, targets, depth + 1);
        return "COLLECT {"
                + indent + "MATCH (" + parent + ")" + field.arrow(link) + "(" + node + ":" + field.targetLabel() + ")"
                + indent + "WHERE " + owner + Visibility.visible(link) + " AND " + Visibility.visible(node) + " AND "
                + Visibility.validOn(link, asOf)
                + indent + "WITH " + link + ", " + node + " ORDER BY " + field.order(node, link) + " LIMIT $" + first
                + indent + "RETURN {" + LINK + ": " + link + " {.*}, " + NODE + ": " + node + " {.*}" + labels + children + "}"
                + "\n" + "  ".repeat(depth - 1) + "}";
    }

}
