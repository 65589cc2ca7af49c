package org.pangeagraph.security.invariance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.security.invariance.CaseGraph.Entity;

/**
 * Every field of {@code Query}, read from the schema, with the arguments to call it with: a lookup
 * with the key of every entity of its kind (those of cases the reader is not in, and those about to be
 * added, too), a list a page at a time and with each of its filters, each investigative query and
 * analysis with arguments drawn from the graph. A field the test does not know how to call, or an
 * argument it does not know how to vary, fails the test: a query added to the schema joins the
 * property or stops the build.
 */
public final class SchemaCalls {

    /** A call of a query field: its arguments, and whether its pages are walked ({@code after}). */
    public record Call(String field, String arguments, boolean paged, Map<String, String> nestedArguments) {

        Call(String field, Map<String, Object> arguments) {
            this(field, Literal.arguments(arguments), false, Map.of());
        }

        String text() {
            return this.field + this.arguments;
        }

    }

    /** What calls are made of: the base graph, what the reader sees of it, the facts about to be added. */
    public record Context(List<Entity> entities, List<Entity> visible, List<CaseGraph.Link> visibleLinks, List<Entity> added,
            List<LocalDate> dates, Random random) {

        /**
         * How many entities a network from {@code ids} reaches within {@code depth} links the reader sees:
         * every maxNodes below it cuts the network.
         */
        int reach(List<String> ids, int depth) {
            Set<String> reached = new java.util.HashSet<>(ids);
            Set<String> frontier = new java.util.HashSet<>(ids);
            for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
                Set<String> next = new java.util.HashSet<>();
                for (CaseGraph.Link link : this.visibleLinks) {
                    if (frontier.contains(link.from().id()) && reached.add(link.to().id())) {
                        next.add(link.to().id());
                    }
                    if (frontier.contains(link.to().id()) && reached.add(link.from().id())) {
                        next.add(link.from().id());
                    }
                }
                frontier = next;
            }
            return reached.size();
        }

        List<Entity> visible(NodeKind... kinds) {
            return this.visible.stream().filter(e -> Arrays.asList(kinds).contains(e.kind())).toList();
        }

        LocalDate date() {
            return this.dates.get(this.random.nextInt(this.dates.size()));
        }

        <T> List<T> some(List<T> from, int n) {
            List<T> copy = new ArrayList<>(from);
            java.util.Collections.shuffle(copy, this.random);
            return copy.subList(0, Math.min(n, copy.size()));
        }

    }

    /** How to call a field: the arguments the recipe varies, and the calls. */
    private record Recipe(Set<String> arguments, BiFunction<GraphQLFieldDefinition, Context, List<Call>> calls) {
    }

    private final GraphQLSchema schema;

    private final Map<String, Recipe> special = new HashMap<>();

    public SchemaCalls(GraphQLSchema schema) {
        this.schema = schema;
        special("node", (f, c) -> node(c), "id");
        special("search", (f, c) -> search(c), "text", "kinds", "first");
        special("sharedInfrastructure", (f, c) -> sharedInfrastructure(c), "domain", "kinds", "minScore", "asOf", "first", "resolve");
        special("network", (f, c) -> network(c), "ids", "depth", "relationshipTypes", "kinds", "asOf", "maxNodes", "resolve");
        special("paths", (f, c) -> paths(c), "from", "to", "maxHops", "mode", "k", "relationshipTypes", "asOf", "resolve");
        special("timeline", (f, c) -> timeline(c), "ids", "from", "to");
        special("criminalNetworks", (f, c) -> criminalNetworks(c), "minWebsites", "minLinkScore", "kinds", "asOf", "first",
                "after", "resolve");
        special("criminalNetwork", (f, c) -> criminalNetwork(c), "containing");
        special("keyInfrastructure", (f, c) -> keyInfrastructure(), "kinds", "first", "resolve");
        special("takedownImpact", (f, c) -> takedownImpact(c), "ids", "resolve");
        special("auditLog", (f, c) -> auditLog(), "user", "case", "entityId", "from", "to", "first", "after");
        special("resolutionCandidates", (f, c) -> resolutionCandidates(), "kinds", "minScore", "first", "after");
        special("resolutionCandidatesFor", (f, c) -> resolutionCandidatesFor(c), "id", "minScore", "first");
        special("sameAsCluster", (f, c) -> sameAsCluster(c), "id");
        special("resolutionConflicts", (f, c) -> resolutionConflicts(), "first");
        special("myWatches", (f, c) -> List.of(new Call("myWatches", Map.of())));
        special("myAlerts", (f, c) -> List.of(new Call("myAlerts", Map.of()), new Call("myAlerts", Map.of("first", 1))), "status",
                "first", "after");
        special("alert", (f, c) -> List.of(new Call("alert", Map.of("id", "alert-of-nobody"))), "id");
        special("changesSince", (f, c) -> List.of(new Call("changesSince", Map.of("sequence", 0)),
                new Call("changesSince", Map.of("sequence", 0, "first", 1))), "sequence", "first");
    }

    private void special(String field, BiFunction<GraphQLFieldDefinition, Context, List<Call>> calls, String... arguments) {
        this.special.put(field, new Recipe(Set.of(arguments), calls));
    }

    /** Every call of every field of {@code Query}; fails on a field or argument it does not know. */
    public List<Call> calls(Context context) {
        List<Call> calls = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (GraphQLFieldDefinition field : this.schema.getQueryType().getFieldDefinitions()) {
            Recipe recipe = recipe(field);
            Set<String> arguments = field.getArguments().stream().map(GraphQLArgument::getName)
                .collect(Collectors.toCollection(TreeSet::new));
            if (recipe == null || !recipe.arguments().containsAll(arguments)) {
                unknown.add(field.getName() + arguments);
                continue;
            }
            calls.addAll(recipe.calls().apply(field, context));
        }
        if (!unknown.isEmpty()) {
            throw new AssertionError("The need-to-know property does not know how to call Query." + unknown
                    + ": give it arguments in " + SchemaCalls.class.getSimpleName());
        }
        return calls;
    }

    /** The fields of Query the property calls, for the report. */
    public List<String> fields() {
        return this.schema.getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList();
    }

    private Recipe recipe(GraphQLFieldDefinition field) {
        Recipe known = this.special.get(field.getName());
        if (known != null) {
            return known;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
        if (type instanceof GraphQLObjectType object && kind(object.getName()) != null) {
            NodeKind kind = kind(object.getName());
            Set<String> keys = kind == NodeKind.COMPANY ? Set.of("name", "country")
                    : Set.of(kind.hasKey() ? field.getArguments().get(0).getName() : "id");
            return new Recipe(keys, (f, c) -> lookup(f, kind, c));
        }
        if (type instanceof GraphQLObjectType connection && connection.getName().endsWith("Connection")) {
            NodeKind kind = kind(connection.getName().substring(0, connection.getName().length() - "Connection".length()));
            if (kind != null) {
                return new Recipe(Set.of("filter", "first", "after"), (f, c) -> list(f, kind, c));
            }
        }
        return null;
    }

    private static NodeKind kind(String typeName) {
        return Arrays.stream(NodeKind.values()).filter(k -> k.label().equals(typeName)).findFirst().orElse(null);
    }

    /** Every entity of the kind by its key: those the reader sees, those they do not, and those about to be added. */
    private List<Call> lookup(GraphQLFieldDefinition field, NodeKind kind, Context context) {
        List<Call> calls = new ArrayList<>();
        List<Entity> all = new ArrayList<>(context.entities());
        all.addAll(context.added());
        for (Entity entity : all) {
            if (entity.kind() != kind) {
                continue;
            }
            Map<String, Object> arguments = new LinkedHashMap<>();
            if (kind == NodeKind.COMPANY) {
                arguments.put("name", entity.properties().get("name"));
                arguments.put("country", entity.properties().get("country"));
            }
            else {
                arguments.put(field.getArguments().get(0).getName(), entity.key());
            }
            calls.add(new Call(field.getName(), arguments));
        }
        return calls;
    }

    private List<Call> node(Context context) {
        List<Call> calls = new ArrayList<>();
        for (Entity entity : context.entities()) {
            calls.add(new Call("node", Map.of("id", entity.id())));
        }
        for (Entity entity : context.added()) {
            calls.add(new Call("node", Map.of("id", entity.id())));
        }
        calls.add(new Call("node", Map.of("id", "no-such-entity")));
        return calls;
    }

    /** Every page, three at a time; then one page of twenty for each filter. */
    private List<Call> list(GraphQLFieldDefinition field, NodeKind kind, Context context) {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call(field.getName(), Literal.arguments(Map.of("first", 3)), true, Map.of()));
        GraphQLInputObjectType filter = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(field.getArgument("filter").getType());
        List<Map<String, Object>> filters = new ArrayList<>();
        filters.add(Map.of("case", "CASE-A"));
        filters.add(Map.of("case", "CASE-B"));
        List<Entity> ofKind = context.entities().stream().filter(e -> e.kind() == kind).toList();
        if (!ofKind.isEmpty()) {
            String caption = kind.caption(ofKind.get(0).properties());
            filters.add(Map.of("text", caption.substring(0, Math.min(caption.length(), 4))));
        }
        Map<String, Object> others = new LinkedHashMap<>();
        for (GraphQLInputObjectField input : filter.getFieldDefinitions()) {
            if (!input.getName().equals("text") && !input.getName().equals("case")) {
                others.put(input.getName(), filterValue(filter.getName() + "." + input.getName(), input.getType(), context));
            }
        }
        if (!others.isEmpty()) {
            filters.add(others);
        }
        for (Map<String, Object> value : filters) {
            calls.add(new Call(field.getName(), Map.of("filter", value)));
        }
        return calls;
    }

    /** A value for a filter's field, by its type. */
    private Object filterValue(String name, GraphQLInputType type, Context context) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
        String scalar = named instanceof GraphQLNamedType n ? n.getName() : "";
        Object value;
        if (named instanceof GraphQLEnumType e) {
            value = new Literal.EnumValue(e.getValues().get(context.random().nextInt(e.getValues().size())).getName());
        }
        else if (scalar.equals("DateRange")) {
            LocalDate a = context.date();
            LocalDate b = context.date();
            value = Map.of("from", a.isBefore(b) ? a : b, "to", a.isBefore(b) ? b : a);
        }
        else if (scalar.equals("CountryCode")) {
            value = context.random().nextBoolean() ? "GB" : "NL";
        }
        else if (scalar.equals("Boolean")) {
            value = context.random().nextBoolean();
        }
        else if (scalar.equals("Long") || scalar.equals("Int")) {
            value = 1;
        }
        else if (scalar.equals("String")) {
            value = "en";
        }
        else {
            throw new AssertionError("The need-to-know property does not know how to filter by " + name + " (" + scalar + ")");
        }
        return list ? List.of(value) : value;
    }

    private List<Call> search(Context context) {
        List<String> texts = new ArrayList<>();
        for (Entity entity : context.some(context.visible(), 6)) {
            texts.add(entity.kind().caption(entity.properties()));
        }
        texts.addAll(List.of("pharma", "sample example", "marta exmple", "Viktr", "fictitous carla", "shop", "192.0.2.1"));
        for (Entity entity : context.some(context.added(), 4)) {
            texts.add(entity.key());
        }
        List<Call> calls = new ArrayList<>();
        for (String text : texts) {
            calls.add(new Call("search", Map.of("text", text)));
            calls.add(new Call("search", Map.of("text", text, "first", 1 + context.random().nextInt(3))));
        }
        NodeKind kind = NodeKind.values()[context.random().nextInt(NodeKind.values().length)];
        calls.add(new Call("search", Map.of("text", texts.get(0), "kinds", List.of(Literal.enumValue(kind)))));
        return calls;
    }

    private List<Call> sharedInfrastructure(Context context) {
        List<Call> calls = new ArrayList<>();
        List<Entity> websites = new ArrayList<>(context.visible(NodeKind.WEBSITE));
        context.added().stream().filter(e -> e.kind() == NodeKind.WEBSITE).limit(1).forEach(websites::add);
        for (Entity website : websites) {
            calls.add(new Call("sharedInfrastructure", Map.of("domain", website.key())));
            calls.add(new Call("sharedInfrastructure", Map.of("domain", website.key(), "first", 1)));
            calls.add(new Call("sharedInfrastructure", Map.of("domain", website.key(), "resolve", true)));
        }
        for (Entity website : context.some(context.visible(NodeKind.WEBSITE), 3)) {
            calls.add(new Call("sharedInfrastructure", Map.of("domain", website.key(), "minScore", 0.5, "asOf", context.date())));
            calls.add(new Call("sharedInfrastructure", Map.of("domain", website.key(), "kinds",
                    List.of(Literal.enumValue(InfrastructureKind.PAYMENT_ACCOUNT), Literal.enumValue(InfrastructureKind.IP_ADDRESS)))));
            calls.add(new Call("sharedInfrastructure", Map.of("domain", website.key(), "minScore", 0.5, "first", 2, "resolve", true)));
        }
        return calls;
    }

    /** Starting sets of a network: a few entities the reader sees, alone and two together. */
    public static List<List<String>> starts(Context context) {
        List<List<String>> starts = new ArrayList<>();
        for (Entity entity : context.some(context.visible(NodeKind.WEBSITE, NodeKind.PERSON, NodeKind.PAYMENT_ACCOUNT), 2)) {
            starts.add(List.of(entity.id()));
        }
        List<Entity> two = context.some(context.visible(), 2);
        if (two.size() == 2) {
            starts.add(List.of(two.get(0).id(), two.get(1).id()));
        }
        return starts;
    }

    private List<Call> network(Context context) {
        List<Call> calls = new ArrayList<>();
        for (List<String> ids : starts(context)) {
            for (int maxNodes = 1; maxNodes <= context.reach(ids, 2); maxNodes++) {
                calls.add(new Call("network", Map.of("ids", ids, "depth", 2, "maxNodes", maxNodes)));
            }
            for (int depth = 1; depth <= 4; depth += 2) {
                calls.add(new Call("network", Map.of("ids", ids, "depth", depth)));
                calls.add(new Call("network", Map.of("ids", ids, "depth", depth, "maxNodes", 2 + context.random().nextInt(8))));
            }
            // The same types in every try: a statement is planned once per set of types, and planning is
            // most of what a first call costs.
            NodeKind kind = NodeKind.values()[context.random().nextInt(NodeKind.values().length)];
            calls.add(new Call("network", Map.of("ids", ids, "depth", 3, "relationshipTypes",
                    List.of(Literal.enumValue(RelationshipType.OPERATES), Literal.enumValue(RelationshipType.ACCEPTS_PAYMENT_TO),
                            Literal.enumValue(RelationshipType.HELD_BY)))));
            calls.add(new Call("network", Map.of("ids", ids, "depth", 3, "kinds",
                    List.of(Literal.enumValue(kind), Literal.enumValue(NodeKind.WEBSITE)), "maxNodes", 4)));
            calls.add(new Call("network", Map.of("ids", ids, "depth", 4, "asOf", context.date())));
            // resolve: true, with SAME_AS clusters joining what the budget cuts.
            for (int maxNodes = 1; maxNodes <= 6; maxNodes++) {
                calls.add(new Call("network", Map.of("ids", ids, "depth", 2, "maxNodes", maxNodes, "resolve", true)));
            }
            calls.add(new Call("network", Map.of("ids", ids, "depth", 3, "resolve", true)));
            calls.add(new Call("network", Map.of("ids", ids, "depth", 2, "asOf", context.date(), "resolve", true)));
        }
        context.added().stream().limit(1)
            .forEach(hidden -> calls.add(new Call("network", Map.of("ids", List.of(hidden.id())))));
        return calls;
    }

    private List<Call> paths(Context context) {
        List<Call> calls = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            List<Entity> pair = context.some(context.visible(), 2);
            if (pair.size() < 2) {
                break;
            }
            Map<String, Object> ends = Map.of("from", pair.get(0).id(), "to", pair.get(1).id());
            calls.add(new Call("paths", ends));
            calls.add(new Call("paths", with(ends, "mode", new Literal.EnumValue("ALL_SHORTEST"))));
            calls.add(new Call("paths", with(with(ends, "mode", new Literal.EnumValue("K_SHORTEST")), "k", 2 + n % 2)));
            calls.add(new Call("paths", with(ends, "maxHops", 3)));
            calls.add(new Call("paths", with(with(ends, "asOf", context.date()), "mode", new Literal.EnumValue("ALL_SHORTEST"))));
            calls.add(new Call("paths", with(ends, "relationshipTypes", List.of(Literal.enumValue(RelationshipType.HOSTED_AT),
                    Literal.enumValue(RelationshipType.ACCEPTS_PAYMENT_TO), Literal.enumValue(RelationshipType.OPERATES)))));
            calls.add(new Call("paths", with(ends, "resolve", true)));
            calls.add(new Call("paths", with(with(ends, "mode", new Literal.EnumValue("ALL_SHORTEST")), "resolve", true)));
            calls.add(new Call("paths", with(with(with(ends, "mode", new Literal.EnumValue("K_SHORTEST")), "k", 3), "resolve", true)));
        }
        if (!context.visible().isEmpty() && !context.added().isEmpty()) {
            calls.add(new Call("paths", Map.of("from", context.visible().get(0).id(), "to", context.added().get(0).id())));
        }
        return calls;
    }

    private List<Call> timeline(Context context) {
        List<Call> calls = new ArrayList<>();
        for (Entity entity : context.some(context.visible(), 10)) {
            calls.add(new Call("timeline", Map.of("ids", List.of(entity.id()))));
        }
        List<String> all = context.entities().stream().map(Entity::id).limit(100).toList();
        LocalDate a = context.date();
        LocalDate b = context.date();
        calls.add(new Call("timeline", Map.of("ids", all)));
        calls.add(new Call("timeline", Map.of("ids", all, "from", a.isBefore(b) ? a : b, "to", a.isBefore(b) ? b : a)));
        return calls;
    }

    private List<Call> criminalNetworks(Context context) {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("criminalNetworks", Literal.arguments(Map.of("first", 1)), true, Map.of()));
        calls.add(new Call("criminalNetworks", Literal.arguments(Map.of("first", 2, "minLinkScore", 0.3)), true, Map.of()));
        calls.add(new Call("criminalNetworks", Map.of("minLinkScore", 0.0, "kinds",
                Arrays.stream(InfrastructureKind.values()).map(Literal::enumValue).toList())));
        calls.add(new Call("criminalNetworks", Map.of("asOf", context.date(), "minWebsites", 3)));
        for (int maxNodes = 1; maxNodes <= 6; maxNodes++) {
            calls.add(new Call("criminalNetworks", Literal.arguments(Map.of("minLinkScore", 0.3)), false,
                    Map.of("CriminalNetwork.subgraph", "(maxNodes: " + maxNodes + ")")));
        }
        calls.add(new Call("criminalNetworks", Literal.arguments(Map.of("first", 1, "resolve", true)), true, Map.of()));
        calls.add(new Call("criminalNetworks", Map.of("minLinkScore", 0.0, "resolve", true, "kinds",
                Arrays.stream(InfrastructureKind.values()).map(Literal::enumValue).toList())));
        for (int maxNodes = 2; maxNodes <= 6; maxNodes += 2) {
            calls.add(new Call("criminalNetworks", Literal.arguments(Map.of("minLinkScore", 0.3, "resolve", true)), false,
                    Map.of("CriminalNetwork.subgraph", "(maxNodes: " + maxNodes + ")")));
        }
        return calls;
    }

    private List<Call> criminalNetwork(Context context) {
        List<Call> calls = new ArrayList<>();
        for (Entity website : context.visible(NodeKind.WEBSITE)) {
            calls.add(new Call("criminalNetwork", Map.of("containing", website.key())));
        }
        context.visible(NodeKind.WEBSITE).stream().limit(1)
            .forEach(website -> calls.add(new Call("criminalNetwork", Map.of("containing", website.id()))));
        context.added().stream().filter(e -> e.kind() == NodeKind.WEBSITE).limit(1)
            .forEach(hidden -> calls.add(new Call("criminalNetwork", Map.of("containing", hidden.key()))));
        return calls;
    }

    private static List<Call> keyInfrastructure() {
        return List.of(new Call("keyInfrastructure", Map.of()), new Call("keyInfrastructure", Map.of("first", 100)),
                new Call("keyInfrastructure", Map.of("kinds", List.of(Literal.enumValue(InfrastructureKind.PAYMENT_ACCOUNT),
                        Literal.enumValue(InfrastructureKind.SENDER_ADDRESS)))),
                new Call("keyInfrastructure", Map.of("first", 100, "resolve", true)));
    }

    private List<Call> takedownImpact(Context context) {
        List<Call> calls = new ArrayList<>();
        for (Entity entity : context.some(context.visible(NodeKind.PAYMENT_ACCOUNT, NodeKind.IP_ADDRESS, NodeKind.HOSTING_PROVIDER,
                NodeKind.COURIER, NodeKind.WEBSITE, NodeKind.PERSON), 5)) {
            calls.add(new Call("takedownImpact", Map.of("ids", List.of(entity.id()))));
            calls.add(new Call("takedownImpact", Map.of("ids", List.of(entity.id()), "resolve", true)));
        }
        calls.add(new Call("takedownImpact", Map.of("ids", context.some(context.visible(), 4).stream().map(Entity::id).toList())));
        context.added().stream().limit(1)
            .forEach(hidden -> calls.add(new Call("takedownImpact", Map.of("ids", List.of(hidden.id())))));
        return calls;
    }

    /** The reader is refused the audit log, before and after alike (the log itself grows with their own requests). */
    private static List<Call> auditLog() {
        return List.of(new Call("auditLog", Literal.arguments(Map.of("first", 5)), true, Map.of()),
                new Call("auditLog", Literal.arguments(Map.of("case", "CASE-B")), true, Map.of()));
    }

    /** Every page of the pairs, at the default score and at any score, of every kind and of two. */
    private static List<Call> resolutionCandidates() {
        return List.of(new Call("resolutionCandidates", Literal.arguments(Map.of("first", 3)), true, Map.of()),
                new Call("resolutionCandidates", Literal.arguments(Map.of("first", 4, "minScore", 0.0)), true, Map.of()),
                new Call("resolutionCandidates", Literal.arguments(Map.of("minScore", 0.3, "kinds",
                        List.of(Literal.enumValue(NodeKind.PERSON), Literal.enumValue(NodeKind.COMPANY)))), true, Map.of()));
    }

    /** The pairs of entities the reader sees (at any score, and the first one), of one hidden, of one missing. */
    private List<Call> resolutionCandidatesFor(Context context) {
        List<Call> calls = new ArrayList<>();
        for (Entity entity : context.some(context.visible(), 8)) {
            calls.add(new Call("resolutionCandidatesFor", Map.of("id", entity.id(), "minScore", 0.0)));
            calls.add(new Call("resolutionCandidatesFor", Map.of("id", entity.id(), "minScore", 0.0, "first", 1)));
            calls.add(new Call("resolutionCandidatesFor", Map.of("id", entity.id())));
        }
        context.added().stream().limit(1)
            .forEach(hidden -> calls.add(new Call("resolutionCandidatesFor", Map.of("id", hidden.id(), "minScore", 0.0))));
        calls.add(new Call("resolutionCandidatesFor", Map.of("id", "no-such-entity")));
        return calls;
    }

    private List<Call> sameAsCluster(Context context) {
        List<Call> calls = new ArrayList<>();
        for (Entity entity : context.some(context.visible(), 6)) {
            calls.add(new Call("sameAsCluster", Map.of("id", entity.id())));
        }
        context.added().stream().limit(1).forEach(hidden -> calls.add(new Call("sameAsCluster", Map.of("id", hidden.id()))));
        calls.add(new Call("sameAsCluster", Map.of("id", "no-such-entity")));
        return calls;
    }

    private static List<Call> resolutionConflicts() {
        return List.of(new Call("resolutionConflicts", Map.of()), new Call("resolutionConflicts", Map.of("first", 1)));
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(arguments);
        more.put(name, value);
        return more;
    }

}
