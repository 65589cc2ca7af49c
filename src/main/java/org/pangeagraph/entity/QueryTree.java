package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import graphql.schema.SelectedField;
import org.pangeagraph.model.NodeKind;

/**
 * The relationship fields a query selects under one root entity, with their arguments, as a tree:
 * {@code website(domain:) { ipAddresses { node { hostingProviders { ... } } } shipments(first: 10) { ... } }}.
 * The root's statement reads the whole tree ({@link TreeStatement}): one statement for a lookup or a page,
 * whatever the tree's depth, instead of one per field and level. Each entity read comes back with the links
 * of its fields ({@link Read}), and {@link RelationFieldWiring}'s fetchers answer from them.
 *
 * <p>A selection is compiled unless one of these holds; then the root reads alone and its fields load in
 * batches as before, so that errors and answers stay the same:
 * <ul>
 * <li>it selects no relationship field (the root's own statement is then enough);</li>
 * <li>it selects more than {@link TreeStatement#MAX_FIELDS} relationship fields, counted over all levels
 * (planning one statement for them would cost more than the batched statements, which every query shares);</li>
 * <li>a {@code first} is out of its bounds (the field answers its error, as the batched path gives it);</li>
 * <li>one entity would need the same response key for two different fields or arguments (an alias used
 * twice under two aliases of {@code node}).</li>
 * </ul>
 * Entities reached some other way (a payload, an analysis) are not in a tree; their fields load in batches.
 */
final class QueryTree {

    /** The field of the links ({@code node} of {@code LinkedWebsite}) whose selection holds the next level. */
    private static final String NODE = "node";

    private final List<Branch> branches;

    private QueryTree(List<Branch> branches) {
        this.branches = branches;
    }

    /**
     * A relationship field of the tree.
     *
     * @param field the field
     * @param key its response key (its alias, or its name)
     * @param asOf its {@code asOf}
     * @param first its {@code first}, within its bounds
     * @param children the relationship fields selected on the entities at the other end
     */
    record Branch(RelationField field, String key, LocalDate asOf, int first, List<Branch> children) {
    }

    /** The links of one field of one entity, as the tree's statement read them. */
    record Read(RelationField field, LocalDate asOf, int first, List<Linked> linked) {

        /** Whether these are the links the field asks for with these arguments. */
        boolean answers(RelationField asked, LocalDate askedAsOf, int askedFirst) {
            return this.field.equals(asked) && Objects.equals(this.asOf, askedAsOf) && this.first == askedFirst;
        }

    }

    /** Finds a relationship field by the GraphQL type that has it and its name. */
    interface Fields {

        Optional<RelationField> field(String type, String name);

    }

    /** The tree of the relationship fields among {@code selected}, the fields selected on the root; empty when it is not compiled. */
    static Optional<QueryTree> of(List<SelectedField> selected, Fields fields) {
        List<Branch> branches = branches(selected, fields);
        return branches == null || branches.isEmpty() || count(branches) > TreeStatement.MAX_FIELDS ? Optional.empty()
                : Optional.of(new QueryTree(branches));
    }

    private static int count(List<Branch> branches) {
        return branches.stream().mapToInt(b -> 1 + count(b.children())).sum();
    }

    List<Branch> branches() {
        return this.branches;
    }

    /** The branches of one level, or null when the level cannot be compiled. */
    private static List<Branch> branches(List<SelectedField> selected, Fields fields) {
        List<Branch> branches = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SelectedField selection : selected) {
            for (String type : selection.getObjectTypeNames()) {
                Optional<RelationField> field = fields.field(type, selection.getName());
                if (field.isEmpty()) {
                    continue;
                }
                Object given = selection.getArguments().get("first");
                int first = given == null ? RelationFieldWiring.DEFAULT_LINKS : (Integer) given;
                if (first < 1 || first > EntityReader.MAX_LINKS
                        || !keys.add(field.get().owner() + "." + selection.getResultKey())) {
                    return null;
                }
                List<SelectedField> below = new ArrayList<>();
                for (SelectedField link : selection.getSelectionSet().getImmediateFields()) {
                    if (link.getName().equals(NODE)) {
                        below.addAll(link.getSelectionSet().getImmediateFields());
                    }
                }
                List<Branch> children = branches(below, fields);
                if (children == null) {
                    return null;
                }
                branches.add(new Branch(field.get(), selection.getResultKey(), (LocalDate) selection.getArguments().get("asOf"),
                        first, List.copyOf(children)));
            }
        }
        return branches;
    }

    /**
     * The root entity of a row of the tree's statement: its properties, and the {@code tree} the statement
     * projected for it ({@link TreeStatement#projection}).
     */
    Node node(NodeKind kind, Map<String, Object> properties, Object tree) {
        return node(kind, properties, tree, this.branches);
    }

    @SuppressWarnings("unchecked")
    private static Node node(NodeKind kind, Map<String, Object> properties, Object tree, List<Branch> branches) {
        if (branches.isEmpty()) {
            return new Node(kind, properties);
        }
        Map<String, Object> values = (Map<String, Object>) tree;
        Map<String, Read> read = new HashMap<>();
        for (int i = 0; i < branches.size(); i++) {
            Branch branch = branches.get(i);
            if (branch.field().owner() != kind) {
                continue;
            }
            List<Linked> linked = new ArrayList<>();
            for (Object row : (List<Object>) values.get(TreeStatement.key(i))) {
                Map<String, Object> link = (Map<String, Object>) row;
                Set<NodeKind> targets = branch.field().targets();
                NodeKind target = targets.size() == 1 ? targets.iterator().next()
                        : NodeKind.ofLabels((List<String>) link.get(TreeStatement.LABELS))
                            .orElseThrow(() -> new IllegalStateException("An Entity node without a model label"));
                linked.add(new Linked(node(target, (Map<String, Object>) link.get(TreeStatement.NODE),
                        link.get(TreeStatement.TREE), branch.children()),
                        new LinkView(branch.field().type(), (Map<String, Object>) link.get(TreeStatement.LINK))));
            }
            read.put(branch.key(), new Read(branch.field(), branch.asOf(), branch.first(), List.copyOf(linked)));
        }
        return new Node(kind, properties, read);
    }

}
