package org.pangeagraph.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Bounded;
import org.pangeagraph.model.CypherTemplate.Fragment;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * The part of a root's statement that reads its {@link QueryTree}: a map with one entry per relationship
 * field, each a {@code COLLECT} subquery of the field's links in the field's order, cut at its
 * {@code first}, each link with its provenance, the entity at its other end and that entity's own map of
 * fields. Every node and link passes the need-to-know predicate and every link its {@code asOf}, exactly
 * as in the batched read ({@link EntityReader#relations}). For the website lookup
 * {@code ipAddresses { node { hostingProviders } }}, after the root's {@code RETURN n {.*} AS props}:
 *
 * <pre>
 * , {b0: COLLECT {
 *   MATCH (n)-[r1:HOSTED_AT]-&gt;(m1:IpAddress)
 *   WHERE visible(r1) AND visible(m1) AND validOn(r1, $levels.asOf1)
 *   WITH r1, m1 ORDER BY coalesce(m1.address, m1.id), m1.id, r1.id LIMIT $levels.first1
 *   RETURN {link: r1 {.*}, node: m1 {.*}, tree: {b0: COLLECT {
 *   MATCH (m1)-[r2:ALLOCATED_TO]-&gt;(m2:HostingProvider)
 *   ...
 * }}}
 * }} AS tree
 * </pre>
 *
 * Types, labels and sort properties come from the model, variables are numbered, and the values
 * ({@code asOf}, {@code first}) are entries of the map parameter {@code $levels}, so that the same shape
 * of query is the same text, and one plan, for Neo4j's plan cache. The nesting is the query's own, which
 * the depth limit bounds; a tree has at most {@link #MAX_FIELDS} fields, and each list is bounded by its
 * {@code first}.
 */
final class TreeStatement {

    /**
     * The most relationship fields one compiled tree reads; a larger tree loads in batches. Neo4j plans a
     * {@code COLLECT} subquery in about 70 ms on two cores, so a tree's first request pays that per field
     * (16 fields 1.1 s, 128 fields 10 s, measured on the sample data), while the batched statements, one
     * per field whatever the query around it, are planned once for all queries. Sixteen fields hold a
     * website with every relationship field of its own and of its IP addresses and payment accounts.
     */
    static final int MAX_FIELDS = 16;

    /** The keys of a link's map in the statement's answer. */
    static final String LINK = "link";

    static final String NODE = "node";

    static final String LABELS = "labels";

    static final String TREE = "tree";

    /** The map parameter of the levels' values. */
    private static final String LEVELS = "levels";

    private record NodeParts(@Bounded(min = 1, max = MAX_FIELDS) int level) {
    }

    private record OwnerParts(List<Fragment> parent, NodeKind owner) {
    }

    private record SortParts(@Bounded(min = 1, max = MAX_FIELDS) int level, NodeKind kind) {
    }

    private record ChildrenParts(List<Fragment> links) {
    }

    private record LinksParts(List<Fragment> separator, @Bounded(max = MAX_FIELDS) int index, List<Fragment> parent,
            List<Fragment> tail, @Bounded(min = 1, max = MAX_FIELDS) int level, RelationshipType type, List<Fragment> head, Set<NodeKind> targets,
            List<Fragment> owner, List<Fragment> sorts, List<Fragment> labels, List<Fragment> children) {
    }

    /** The root entity of the statement, bound to {@code n}. */
    private static final Fragment ROOT = CypherTemplate.constant("n");

    /** The entity at the other end of the links of a level. */
    private static final CypherTemplate<NodeParts> NODE_AT = CypherTemplate.of(NodeParts.class, "m{{level}}");

    /** The field's owner's kind, when the entity may be of several kinds: the field is only read for that one. */
    private static final CypherTemplate<OwnerParts> OWNER = CypherTemplate.of(OwnerParts.class, "{{parent}}:{{owner}} AND ");

    private static final CypherTemplate<SortParts> SORT = CypherTemplate.of(SortParts.class, "m{{level}}.{{kind.sort}}, ");

    private static final CypherTemplate<NodeParts> LABELS_OF = CypherTemplate.of(NodeParts.class,
            ", " + LABELS + ": labels(m{{level}})");

    private static final CypherTemplate<ChildrenParts> CHILDREN = CypherTemplate.of(ChildrenParts.class,
            ", " + TREE + ": {{{links}}}");

    /** One field's links from the entity bound to {@code parent}, as the {@code index}th entry of its level's map. */
    private static final CypherTemplate<LinksParts> LINKS = CypherTemplate.of(LinksParts.class, """
            {{separator}}b{{index}}: COLLECT {
              MATCH ({{parent}}){{tail}}[r{{level}}:{{type}}]{{head}}(m{{level}}:{{targets}})
              WHERE {{owner}}visible(r{{level}}) AND visible(m{{level}}) AND validOn(r{{level}}, $levels.asOf{{level}})
              WITH r{{level}}, m{{level}} ORDER BY coalesce({{sorts}}m{{level}}.id), m{{level}}.id, r{{level}}.id LIMIT $levels.first{{level}}
              RETURN {link: r{{level}} {.*}, node: m{{level}} {.*}{{labels}}{{children}}}
            }""");

    /** The tree after the root's own columns: {@code , {...} AS tree}. */
    private static final CypherTemplate<ChildrenParts> PROJECTION = CypherTemplate.of(ChildrenParts.class,
            ", {{{links}}} AS " + TREE);

    /**
     * The values of the levels ({@code asOf1}, {@code first1}, ...), in the one map parameter {@code $levels}:
     * Neo4j's plan cache keys a statement on its parameters' types too, so that a day given or not to each
     * of k fields would make 2^k plans of one text; a map's content is not part of the key.
     */
    private final Map<String, Object> values = new HashMap<>();

    private int level;

    private TreeStatement(Map<String, Object> parameters) {
        parameters.put(LEVELS, this.values);
    }

    /**
     * The columns that read {@code tree} under the root {@code n}, of {@code kind}, for a slot of the root's
     * statement after its own columns; the parameters they take are put in {@code parameters}.
     */
    static List<Fragment> projection(QueryTree tree, NodeKind kind, Map<String, Object> parameters) {
        return List.of(PROJECTION.fragment(new ChildrenParts(new TreeStatement(parameters).links(tree.branches(), ROOT,
                Set.of(kind)))));
    }

    /** The key of the {@code index}th field of a level in its map. */
    static String key(int index) {
        return "b" + index;
    }

    private List<Fragment> links(List<QueryTree.Branch> branches, Fragment parent, Set<NodeKind> parentKinds) {
        List<Fragment> links = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            links.add(links(i, branches.get(i), parent, parentKinds));
        }
        return links;
    }

    private Fragment links(int index, QueryTree.Branch branch, Fragment parent, Set<NodeKind> parentKinds) {
        int level = ++this.level;
        this.values.put("asOf" + level, branch.asOf());
        this.values.put("first" + level, branch.first());
        RelationField field = branch.field();
        Set<NodeKind> targets = field.targets();
        Fragment node = NODE_AT.fragment(new NodeParts(level));
        // An entity of several kinds has the fields of each; a field is only read for its owner's kind.
        List<Fragment> owner = CypherParts.when(parentKinds.size() > 1, OWNER.fragment(new OwnerParts(List.of(parent), field.owner())));
        List<Fragment> sorts = CypherParts.bySortProperty(targets).stream().map(k -> SORT.fragment(new SortParts(level, k))).toList();
        List<Fragment> labels = CypherParts.when(targets.size() > 1, LABELS_OF.fragment(new NodeParts(level)));
        List<Fragment> children = branch.children().isEmpty() ? List.of()
                : List.of(CHILDREN.fragment(new ChildrenParts(links(branch.children(), node, targets))));
        return LINKS.fragment(new LinksParts(CypherParts.before(index, CypherParts.COMMA), index, List.of(parent),
                CypherParts.tail(field), level, field.type(), CypherParts.head(field), targets, owner, sorts, labels, children));
    }

}
