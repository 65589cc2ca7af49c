package org.pangeagraph.limits;

import java.util.HashMap;
import java.util.Map;

import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What a query costs, before it runs. A scalar field costs nothing (it is read with its object); any
 * other field costs 1, or what {@code pangea.limits.field-costs} says (the traversals cost more). A
 * top-level list with a page size ({@code first}) costs its own cost plus, for each item requested,
 * the cost of what is selected under it; a relationship field inside costs per parent item, not per
 * link: it is resolved in one batched read per level, and its {@code first} caps rather than pages.
 */
final class QueryCost {

    /** The page size every list refuses beyond: a larger {@code first} is reported by the field itself. */
    private static final int MAX_PAGE = 100;

    private final GraphQLSchema schema;

    private final Map<String, FragmentDefinition> fragments;

    private final Map<String, Object> variables;

    private final Map<String, Integer> costs;

    private final Map<String, Long> fragmentCosts = new HashMap<>();

    private QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
            Map<String, Integer> costs) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
        this.costs = costs;
    }

    /** The cost of a validated operation. */
    static long of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables, Map<String, Integer> costs) {
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return new QueryCost(schema, fragments, variables, costs).cost(operation.getSelectionSet(), root, true);
    }

    private long cost(SelectionSet selections, GraphQLCompositeType parent, boolean top) {
        long total = 0;
        if (selections == null || parent == null) {
            return 0;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                total = sum(total, cost(field, parent, top));
            }
            else if (selection instanceof InlineFragment inline) {
                GraphQLCompositeType type = inline.getTypeCondition() == null ? parent
                        : (GraphQLCompositeType) this.schema.getType(inline.getTypeCondition().getName());
                total = sum(total, cost(inline.getSelectionSet(), type, top));
            }
            else if (selection instanceof FragmentSpread spread) {
                total = sum(total, fragment(spread.getName(), top));
            }
        }
        return total;
    }

    private long fragment(String name, boolean top) {
        String key = name + (top ? "@top" : "");
        Long known = this.fragmentCosts.get(key);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = this.fragments.get(name);
        long cost = definition == null ? 0 : cost(definition.getSelectionSet(),
                (GraphQLCompositeType) this.schema.getType(definition.getTypeCondition().getName()), top);
        this.fragmentCosts.put(key, cost);
        return cost;
    }

    private long cost(Field field, GraphQLCompositeType parent, boolean top) {
        GraphQLFieldDefinition definition = definition(parent, field.getName());
        if (definition == null) {
            return 0;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (!(type instanceof GraphQLCompositeType composite)) {
            return 0;
        }
        long own = this.costs.getOrDefault(parent.getName() + "." + field.getName(), 1);
        long items = top && definition.getArgument("first") != null ? pageSize(field, definition.getArgument("first")) : 1;
        return sum(own, product(items, cost(field.getSelectionSet(), composite, false)));
    }

    private GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
        if (name.equals(Introspection.SchemaMetaFieldDef.getName())) {
            return Introspection.SchemaMetaFieldDef;
        }
        if (name.equals(Introspection.TypeMetaFieldDef.getName())) {
            return Introspection.TypeMetaFieldDef;
        }
        return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
    }

    private long pageSize(Field field, GraphQLArgument first) {
        Object value = field.getArguments().stream().filter(a -> a.getName().equals("first")).findFirst()
            .map(a -> literal(a.getValue())).filter(v -> !(v instanceof NullValue))
            // Sent as null, as left out: the default (ArgumentDefaults).
            .orElseGet(() -> first.getArgumentDefaultValue().getValue());
        if (value instanceof IntValue literal) {
            value = literal.getValue().intValue();
        }
        return value instanceof Number n ? Math.max(0, Math.min(n.longValue(), MAX_PAGE)) : MAX_PAGE;
    }

    private Object literal(Value<?> value) {
        return value instanceof VariableReference variable ? this.variables.get(variable.getName()) : value;
    }

    private static long sum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long product(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

}
