package org.pangeagraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Assertions on the typed errors the API answers with. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** The response holds exactly one error, with this code and this field in its extensions. */
    public static void expectError(GraphQlTester.Response response, String code, String field) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", code).containsEntry("field", field);
        });
    }

}
