package org.pangeagraph.entity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * A relationship field of the GraphQL schema (such as {@code Website.ipAddresses}): which type of
 * link it follows, in which direction, to which kinds. The schema says so where it declares the field,
 * with the directive {@code @follows(type: HOSTED_AT)} ({@code direction: INCOMING} or {@code BOTH} when
 * not outgoing); nothing else lists them. Every such field is resolved in batches, one statement per
 * field and nesting level, whatever the number of parents.
 *
 * @param owner the GraphQL type that has the field
 * @param field the field name
 * @param type the relationship type followed
 * @param direction which way from the owner
 */
public record RelationField(NodeKind owner, String field, RelationshipType type, Direction direction) {

    /** The schema directive that marks a relationship field ({@code @follows(type: HOSTED_AT, direction: INCOMING)}). */
    public static final String DIRECTIVE = "follows";

    /** Which way a relation field follows its links, seen from the owner. */
    public enum Direction {
        OUTGOING, INCOMING, BOTH
    }

    /** The kinds that may be at the other end. */
    public Set<NodeKind> targets() {
        return switch (this.direction) {
            case OUTGOING -> EnumSet.copyOf(this.type.to());
            case INCOMING -> EnumSet.copyOf(this.type.from());
            case BOTH -> {
                EnumSet<NodeKind> both = EnumSet.copyOf(this.type.to());
                both.addAll(this.type.from());
                yield both;
            }
        };
    }

    /** The field's schema coordinates, e.g. {@code Website.ipAddresses}. */
    public String coordinates() {
        return this.owner.label() + "." + this.field;
    }

    /**
     * The relationship field {@code field} of {@code owner} is, if the schema marks it with
     * {@code @follows}: the owner an entity kind, the type one that joins it in that direction.
     *
     * @throws IllegalStateException when the mark contradicts the model, so that the application does not start
     */
    public static Optional<RelationField> of(GraphQLObjectType owner, GraphQLFieldDefinition field) {
        GraphQLAppliedDirective follows = field.getAppliedDirective(DIRECTIVE);
        if (follows == null) {
            return Optional.empty();
        }
        String where = owner.getName() + "." + field.getName();
        NodeKind kind = NodeKind.ofLabel(owner.getName())
            .orElseThrow(() -> new IllegalStateException(where + " is marked @" + DIRECTIVE + ", but " + owner.getName()
                    + " is no kind of entity of the model"));
        RelationshipType type = RelationshipType.valueOf(name(follows.getArgument("type").getValue()));
        Direction direction = Direction.valueOf(name(follows.getArgument("direction").getValue()));
        RelationField relation = new RelationField(kind, field.getName(), type, direction);
        boolean leaves = type.from().contains(kind);
        boolean arrives = type.to().contains(kind);
        if (!(direction == Direction.OUTGOING ? leaves : direction == Direction.INCOMING ? arrives : leaves && arrives)) {
            throw new IllegalStateException(where + " follows " + type + " " + direction + ", but the model's " + type
                    + " joins " + type.from() + " to " + type.to());
        }
        return Optional.of(relation);
    }

    /** Every relationship field of {@code schema}, in the order the schema lists its types and fields. */
    public static List<RelationField> inSchema(GraphQLSchema schema) {
        List<RelationField> fields = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object) {
                object.getFieldDefinitions().forEach(f -> of(object, f).ifPresent(fields::add));
            }
        }
        return fields;
    }

    /** An argument's value as the schema holds it: an enumeration value's name. */
    private static String name(Object value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

}
