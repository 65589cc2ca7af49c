package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import org.pangeagraph.entity.RelationField;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** The schema as served: published, described throughout, and in step with the relationship fields. */
@IntegrationTest
class SchemaIT {

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    GraphQlClient client;

    @Test
    void theSchemaIsPublishedInSdl() {
        this.client.webClient().get().uri("/graphql/schema").exchange().expectStatus().isOk().expectBody(String.class)
            .value(sdl -> assertThat(sdl).contains("type Website implements Entity", "upsertWebsite(",
                    "enum RelationshipType"));
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : ownTypes()) {
            check(undescribed, type.getName(), type.getDescription());
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String path = type.getName() + "." + field.getName();
                    check(undescribed, path, field.getDescription());
                    field.getArguments().forEach(a -> check(undescribed, path + "(" + a.getName() + ")", a.getDescription()));
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    check(undescribed, type.getName() + "." + field.getName(), field.getDescription());
                }
            }
            if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    check(undescribed, type.getName() + "." + value.getName(), value.getDescription());
                }
            }
        }
        assertThat(undescribed).as("described in graphql-schema/*.graphqls").isEmpty();
    }

    @Test
    void everyRelationshipFieldOfTheSchemaIsResolvedInBatchesAndNoOtherIs() {
        Set<String> inSchema = new TreeSet<>();
        for (GraphQLNamedType type : ownTypes()) {
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    String returned = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
                    if (returned.startsWith("Linked")) {
                        inSchema.add(type.getName() + "." + field.getName() + ": " + returned);
                    }
                }
            }
        }
        List<RelationField> marked = RelationField.inSchema(this.graphQlSource.schema());
        Set<String> batched = marked.stream()
            .map(f -> f.coordinates() + ": Linked" + linkedName(f.targets()))
            .collect(Collectors.toCollection(TreeSet::new));

        assertThat(batched).hasSize(marked.size());
        assertThat(inSchema).isEqualTo(batched);
    }

    @Test
    void healthIsUpAndIncludesTheDatabase() {
        this.client.webClient().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.neo4j.status").isEqualTo("UP");
    }

    private static String linkedName(Set<NodeKind> targets) {
        return targets.size() == 1 ? targets.iterator().next().label() : "Entity";
    }

    private List<GraphQLNamedType> ownTypes() {
        GraphQLSchema schema = this.graphQlSource.schema();
        return schema.getAllTypesAsList().stream().filter(t -> !t.getName().startsWith("__")).toList();
    }

    private static void check(List<String> undescribed, String what, String description) {
        if (description == null || description.isBlank()) {
            undescribed.add(what);
        }
    }

}
