package org.pangeagraph.web;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.pangeagraph.entity.MutationErrors;
import org.springframework.stereotype.Component;

/**
 * The errors of a mutation operation that wrote nothing: its commit's failure, coded by the table of
 * ApiExceptionHandler as the same failure of a field is, and {@code NOT_WRITTEN} for each field that had
 * no error of its own. Both are classified as {@code NOT_WRITTEN} is, the operation having been aborted.
 */
@Component
class NotWrittenErrors implements MutationErrors {

    @Override
    public GraphQLError commitFailed(RuntimeException failure) {
        ApiExceptionHandler.Answer answer = ApiExceptionHandler.answer(failure, () -> "committing a mutation");
        return GraphqlErrorBuilder.newError().errorType(ErrorCode.NOT_WRITTEN.classification())
            .message("Nothing was written: " + answer.message()).extensions(Map.of("code", answer.code().name())).build();
    }

    @Override
    public GraphQLError notWritten(String field, String failedField) {
        String why = failedField == null ? "the operation could not be committed" : "its field '" + failedField + "' failed";
        return ErrorResponses.graphQlError(List.of(field), ErrorCode.NOT_WRITTEN,
                "'" + field + "' was not written: a mutation operation is written whole or not at all, and " + why,
                failedField == null ? Map.of() : Map.of("failedField", failedField));
    }

}
