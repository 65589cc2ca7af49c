package org.pangeagraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.pangeagraph.entity.RelationField;
import org.pangeagraph.model.PropertySpec.ValueType;

/**
 * The GraphQL schema (graphql-schema/*.graphqls) says what the model says: the enumerations of kinds,
 * types and infrastructure kinds; for each kind its type, input, filter, payload, connection and the
 * lookup, list and upsert the application wires from the model (entity.EntityKindWiring), every field
 * of the model's type; the relationship fields marked {@code @follows} on the types the model's
 * relationship types join, one at each end; and the link properties. What the application would
 * otherwise answer with a field nothing fills, or refuse at start-up, fails here first, naming it.
 */
class SchemaFollowsModelTests {

    private static final GraphQLSchema SCHEMA = schema();

    @Test
    void theEnumerationsOfKindsTypesAndInfrastructureKindsAreTheModels() {
        assertThat(values("EntityKind")).as("enum EntityKind").containsExactlyElementsOf(names(NodeKind.values()));
        assertThat(values("RelationshipType")).as("enum RelationshipType").containsExactlyElementsOf(names(RelationshipType.values()));
        assertThat(values("InfrastructureKind")).as("enum InfrastructureKind")
            .containsExactlyElementsOf(names(InfrastructureKind.values()));
    }

    @Test
    void everyTypeImplementingEntityIsAKindOfTheModel() {
        List<String> entityTypes = SCHEMA.getImplementations((GraphQLInterfaceType) SCHEMA.getType("Entity")).stream()
            .map(GraphQLObjectType::getName).sorted().toList();
        assertThat(entityTypes).containsExactlyElementsOf(Arrays.stream(NodeKind.values()).map(NodeKind::label).sorted().toList());
    }

    @Test
    void eachKindsTypeHasItsKeyAndExactlyTheModelsPropertiesOfTheirTypes() {
        GraphQLInterfaceType entity = (GraphQLInterfaceType) SCHEMA.getType("Entity");
        Set<String> common = entity.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).collect(Collectors.toSet());
        for (NodeKind kind : NodeKind.values()) {
            GraphQLObjectType type = object(kind.label());
            Map<String, GraphQLType> expected = new LinkedHashMap<>();
            if (kind.hasKey()) {
                expected.put(kind.keyProperty(), GraphQLNonNull.nonNull(SCHEMA.getType("String")));
            }
            Map<String, GraphQLType> actual = new LinkedHashMap<>();
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                GraphQLNamedType bare = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
                // Entity's own fields, relationship fields and computed objects (Operation.figuresFromGraph) are not properties.
                if (!common.contains(field.getName()) && !(bare instanceof GraphQLObjectType) && !bare.getName().equals("Entity")) {
                    actual.put(field.getName(), field.getType());
                }
            }
            assertThat(actual.keySet()).as("the property fields of %s", kind.label())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(expected.keySet().stream(),
                        kind.properties().stream().map(PropertySpec::name)).toList());
            for (PropertySpec property : kind.properties()) {
                assertThat(holds(actual.get(property.name()), property.type(), true))
                    .as("%s.%s: %s holds %s", kind.label(), property.name(), GraphQLTypeUtil.simplePrint(actual.get(property.name())),
                            property.type())
                    .isTrue();
            }
        }
    }

    @Test
    void eachKindsInputHasItsKeyTheModelsPropertiesAndWhatEveryUpsertTakes() {
        for (NodeKind kind : NodeKind.values()) {
            GraphQLInputObjectType input = (GraphQLInputObjectType) SCHEMA.getType(kind.label() + "Input");
            assertThat(input).as("input %sInput", kind.label()).isNotNull();
            Map<String, GraphQLInputType> fields = input.getFieldDefinitions().stream()
                .collect(Collectors.toMap(GraphQLInputObjectField::getName, GraphQLInputObjectField::getType));
            List<String> expected = new ArrayList<>(kind.hasKey() ? List.of(kind.keyInput()) : List.of("id"));
            kind.properties().stream().map(PropertySpec::name).filter(name -> !expected.contains(name)).forEach(expected::add);
            expected.addAll(List.of("cases", "sources", "expectedVersion"));
            assertThat(fields.keySet()).as("the fields of %sInput", kind.label()).containsExactlyInAnyOrderElementsOf(expected);

            if (kind.hasKey()) {
                assertThat(GraphQLTypeUtil.simplePrint(fields.get(kind.keyInput()))).as("%sInput.%s", kind.label(), kind.keyInput())
                    .isEqualTo("String!");
            }
            for (PropertySpec property : kind.properties()) {
                GraphQLInputType type = fields.get(property.name());
                boolean partOfKey = property.name().equals(kind.keyInput()) || (kind.keyIncludesCountry() && property.name().equals("country"));
                assertThat(holds(type, property.type(), false)).as("%sInput.%s: %s holds %s", kind.label(), property.name(),
                        GraphQLTypeUtil.simplePrint(type), property.type()).isTrue();
                assertThat(GraphQLTypeUtil.isNonNull(type)).as("%sInput.%s is required exactly when it is part of the key",
                        kind.label(), property.name()).isEqualTo(partOfKey);
            }
            assertThat(GraphQLTypeUtil.simplePrint(fields.get("cases"))).isEqualTo("[String!]");
            assertThat(GraphQLTypeUtil.simplePrint(fields.get("sources"))).isEqualTo("[String!]");
            assertThat(GraphQLTypeUtil.simplePrint(fields.get("expectedVersion"))).isEqualTo("Int");
        }
    }

    @Test
    void eachKindsFilterHasTheTextTheCaseAndTheModelsFilterableProperties() {
        for (NodeKind kind : NodeKind.values()) {
            GraphQLInputObjectType filter = (GraphQLInputObjectType) SCHEMA.getType(kind.label() + "Filter");
            assertThat(filter).as("input %sFilter", kind.label()).isNotNull();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("text", "String");
            expected.put("case", "String");
            for (PropertySpec property : kind.properties()) {
                GraphQLFieldDefinition field = object(kind.label()).getFieldDefinition(property.name());
                assertThat(field).as("%s.%s", kind.label(), property.name()).isNotNull();
                GraphQLType element = GraphQLTypeUtil.unwrapAll(field.getType());
                String name = ((GraphQLNamedType) element).getName();
                switch (property.filterable()) {
                    case ONE_OF, ANY_OF -> expected.put(property.name(), "[" + name + "!]");
                    case EQUALS -> expected.put(property.name(), name);
                    case DATE_RANGE -> expected.put(property.name(), "DateRange");
                    case NONE -> { }
                }
            }
            Map<String, String> actual = filter.getFieldDefinitions().stream()
                .collect(Collectors.toMap(GraphQLInputObjectField::getName, f -> GraphQLTypeUtil.simplePrint(f.getType())));
            assertThat(actual).as("%sFilter", kind.label()).isEqualTo(expected);
        }
    }

    @Test
    void eachKindHasItsLookupListAndUpsertWithTheNamesOfTheModel() {
        GraphQLObjectType query = SCHEMA.getQueryType();
        GraphQLObjectType mutation = SCHEMA.getMutationType();
        for (NodeKind kind : NodeKind.values()) {
            String label = kind.label();
            GraphQLFieldDefinition lookup = query.getFieldDefinition(kind.fieldName());
            assertThat(lookup).as("Query.%s", kind.fieldName()).isNotNull();
            assertThat(GraphQLTypeUtil.simplePrint(lookup.getType())).as("Query.%s", kind.fieldName()).isEqualTo(label);
            List<String> lookupArguments = lookup.getArguments().stream()
                .map(a -> a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType())).toList();
            List<String> expected = kind.lookupArguments().stream()
                .map(a -> a + ": " + (a.equals("id") ? "ID!" : a.equals("country") ? "CountryCode!" : "String!")).toList();
            assertThat(lookupArguments).as("the arguments of Query.%s", kind.fieldName()).containsExactlyElementsOf(expected);

            GraphQLFieldDefinition list = query.getFieldDefinition(kind.pluralFieldName());
            assertThat(list).as("Query.%s", kind.pluralFieldName()).isNotNull();
            assertThat(GraphQLTypeUtil.simplePrint(list.getType())).isEqualTo(label + "Connection!");
            assertThat(list.getArguments().stream().map(a -> a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType())))
                .as("the arguments of Query.%s", kind.pluralFieldName())
                .containsExactly("filter: " + label + "Filter", "first: Int", "after: String");
            assertThat(list.getArgument("first").getArgumentDefaultValue().getValue()).as("Query.%s(first)", kind.pluralFieldName())
                .hasToString("IntValue{value=20}");

            GraphQLFieldDefinition upsert = mutation.getFieldDefinition(kind.upsertFieldName());
            assertThat(upsert).as("Mutation.%s", kind.upsertFieldName()).isNotNull();
            assertThat(GraphQLTypeUtil.simplePrint(upsert.getType())).isEqualTo(label + "Payload!");
            assertThat(upsert.getArguments().stream().map(a -> a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType())))
                .containsExactly("input: " + label + "Input!");

            assertThat(fields(label + "Payload")).containsExactly("created: Boolean!", kind.fieldName() + ": " + label + "!");
            assertThat(fields(label + "Connection")).containsExactly("edges: [" + label + "Edge!]!", "pageInfo: PageInfo!",
                    "totalCount: Int!");
            assertThat(fields(label + "Edge")).containsExactly("cursor: String!", "node: " + label + "!");
            assertThat(fields("Linked" + label)).containsExactly("node: " + label + "!", "link: Link!");
        }
    }

    @Test
    void everyRelationshipFieldIsMarkedWithATypeThatJoinsItsKindAndEachEndOfEachTypeHasOne() {
        List<RelationField> marked = RelationField.inSchema(SCHEMA);
        for (GraphQLNamedType type : SCHEMA.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    String returned = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
                    boolean isMarked = field.getAppliedDirective(RelationField.DIRECTIVE) != null;
                    if (returned.startsWith("Linked")) {
                        assertThat(isMarked).as("%s.%s is marked @%s(type: ...)", object.getName(), field.getName(), RelationField.DIRECTIVE)
                            .isTrue();
                    }
                }
            }
        }
        for (RelationField field : marked) {
            Set<NodeKind> targets = field.targets();
            String linked = "Linked" + (targets.size() == 1 ? targets.iterator().next().label() : "Entity");
            GraphQLFieldDefinition definition = object(field.owner().label()).getFieldDefinition(field.field());
            assertThat(GraphQLTypeUtil.simplePrint(definition.getType())).as(field.coordinates()).isEqualTo("[" + linked + "!]!");
            assertThat(definition.getArguments().stream().map(GraphQLArgument::getName)).as(field.coordinates())
                .containsExactly("asOf", "first");
        }
        for (RelationshipType type : RelationshipType.values()) {
            for (NodeKind from : type.from()) {
                assertThat(marked).as("a field of %s following %s out of it", from.label(), type)
                    .anyMatch(f -> f.owner() == from && f.type() == type && f.direction() != RelationField.Direction.INCOMING);
            }
            for (NodeKind to : type.to()) {
                assertThat(marked).as("a field of %s following %s into it", to.label(), type)
                    .anyMatch(f -> f.owner() == to && f.type() == type && f.direction() != RelationField.Direction.OUTGOING);
            }
        }
    }

    @Test
    void theLinkAndTheLinkInputHaveTheProvenanceAndEveryTypesOwnProperties() {
        List<PropertySpec> linkProperties = Stream.concat(RelationshipType.PROVENANCE.stream(),
                Arrays.stream(RelationshipType.values()).flatMap(t -> t.properties().stream())).toList();
        GraphQLObjectType link = object("Link");
        GraphQLInputObjectType input = (GraphQLInputObjectType) SCHEMA.getType("LinkInput");
        for (PropertySpec property : linkProperties) {
            GraphQLFieldDefinition field = link.getFieldDefinition(property.name());
            assertThat(field).as("Link.%s", property.name()).isNotNull();
            assertThat(holds(field.getType(), property.type(), true)).as("Link.%s holds %s", property.name(), property.type()).isTrue();
            GraphQLInputObjectField in = input.getFieldDefinition(property.name());
            assertThat(in).as("LinkInput.%s", property.name()).isNotNull();
            assertThat(holds(in.getType(), property.type(), false)).as("LinkInput.%s holds %s", property.name(), property.type()).isTrue();
        }
    }

    /** Whether a field of GraphQL type {@code type} holds values of {@code value}; list outputs are never null. */
    static boolean holds(GraphQLType type, ValueType value, boolean output) {
        if (type == null) {
            return false;
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (value == ValueType.TEXT_LIST) {
            return bare instanceof GraphQLList list && (!output || GraphQLTypeUtil.isNonNull(type))
                    && holds(list.getWrappedType(), ValueType.TEXT, output);
        }
        if (!(bare instanceof GraphQLNamedType named)) {
            return false;
        }
        return switch (value) {
            case TEXT -> named instanceof GraphQLEnumType || Set.of("String", "ID", "CountryCode").contains(named.getName());
            case NUMBER -> Set.of("Int", "Long", "NonNegativeInt").contains(named.getName());
            case DATE -> named.getName().equals("Date");
            case BOOLEAN -> named.getName().equals("Boolean");
            case TEXT_LIST -> false;
        };
    }

    private static GraphQLObjectType object(String name) {
        GraphQLType type = SCHEMA.getType(name);
        assertThat(type).as("type %s", name).isInstanceOf(GraphQLObjectType.class);
        return (GraphQLObjectType) type;
    }

    private static List<String> fields(String typeName) {
        return object(typeName).getFieldDefinitions().stream()
            .map(f -> f.getName() + ": " + GraphQLTypeUtil.simplePrint(f.getType())).toList();
    }

    private static List<String> values(String enumName) {
        GraphQLType type = SCHEMA.getType(enumName);
        assertThat(type).as("enum %s", enumName).isInstanceOf(GraphQLEnumType.class);
        return ((GraphQLEnumType) type).getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The schema as the files declare it (unwired: this checks what the files say, not what runs). */
    static GraphQLSchema schema() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("graphql-schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

}
