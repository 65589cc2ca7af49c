package org.pangeagraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the errors graphql-java raises before any resolver runs (parse errors, validation errors,
 * argument values that cannot be coerced) the same {@code extensions.code} as resolver errors, so that
 * a client handles every error by its code, and {@code extensions.field} names the offending input
 * field as it does for errors the resolvers raise. Values the messages quote are written in plain words
 * ({@link PlainValues}), not as graphql-java's objects. An error graphql-java raises while completing a
 * value is {@code INTERNAL}, with a reference to the server log in place of its message. Exceptions of
 * the resolvers are answered by ApiExceptionHandler, from the same codes.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ErrorCodeInterceptor.class);

    /** How graphql-java names the argument or variable whose value it could not coerce. */
    private static final Pattern ARGUMENT = Pattern.compile("(argument|Variable) '([^']+)'");

    /**
     * How graphql-java names, in a value written in the document, an input field the type does not have
     * ("argument 'input.to' with value '...' contains a field not in 'EntityRef': 'colour'") or a
     * required one left out ("... is missing required fields '[domain]'"): the field is the argument's
     * path and that name.
     */
    private static final Pattern INPUT_FIELD = Pattern.compile(
            "argument '([^']+)' with value .*(?:contains a field not in '[^']*': '([^']+)'|is missing required fields '\\[([^\\],]+))");

    /** How graphql-java says a variable's value has an input field its type has not, naming neither the variable nor the path. */
    private static final String UNKNOWN_VARIABLE_FIELD = "The variables input contains a field name";

    private final GraphQlSource graphQlSource;

    ErrorCodeInterceptor(GraphQlSource graphQlSource) {
        this.graphQlSource = graphQlSource;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().isEmpty()
                    || response.getErrors().stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
                return response;
            }
            return response.transform(builder -> builder.errors(coded(request, response.getErrors())));
        });
    }

    private List<GraphQLError> coded(WebGraphQlRequest request, List<ResponseError> errors) {
        return errors.stream().map(error -> coded(request, error)).toList();
    }

    private GraphQLError coded(WebGraphQlRequest request, ResponseError error) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        ErrorCode code = codeOf(error);
        boolean uncodedInternal = code == ErrorCode.INTERNAL && !extensions.containsKey("code");
        extensions.putIfAbsent("code", code.name());
        if (code == ErrorCode.INVALID_INPUT) {
            String message = error.getMessage() == null ? "" : error.getMessage();
            Matcher inputField = INPUT_FIELD.matcher(message);
            Matcher argument = ARGUMENT.matcher(message);
            if (inputField.find()) {
                extensions.putIfAbsent("field", inputField.group(1) + "."
                        + (inputField.group(2) != null ? inputField.group(2) : inputField.group(3).strip()));
            }
            else if (message.contains(UNKNOWN_VARIABLE_FIELD)) {
                InvalidVariableValue.locateAny(this.graphQlSource.schema(), RequestedOperation.of(request), request.getVariables())
                    .ifPresent(field -> extensions.putIfAbsent("field", field));
            }
            else if (argument.find()) {
                String field = argument.group(1).equals("Variable")
                        ? InvalidVariableValue.locate(this.graphQlSource.schema(), RequestedOperation.of(request), argument.group(2),
                                request.getVariables())
                            .orElse(argument.group(2))
                        : argument.group(2);
                extensions.putIfAbsent("field", field);
            }
        }
        // An error graphql-java raised while completing a value (one of the wrong type in the graph, a null
        // where the schema promises a value) names Java classes: it goes to the log, the client gets a reference.
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().extensions(extensions)
            .message(uncodedInternal ? ErrorResponses.internal(log, "at " + error.getPath() + ": " + error.getMessage(), null)
                    : PlainValues.of(error.getMessage()))
            .errorType(uncodedInternal ? ErrorCode.INTERNAL.classification() : error.getErrorType());
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }

    private static ErrorCode codeOf(ResponseError error) {
        ErrorClassification type = error.getErrorType();
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (type == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (type == ErrorType.ValidationError) {
            // A value the document writes that its type refuses is bad input, as the same value sent in a variable is.
            boolean badValue = message.contains("has an invalid value") || message.contains("is not a valid")
                    || message.contains("Expected a value that can be converted") || message.contains("must not be null")
                    || message.contains("contains a field not in") || message.contains("is missing required fields")
                    || message.contains("must be an object type") || message.contains(UNKNOWN_VARIABLE_FIELD);
            return badValue ? ErrorCode.INVALID_INPUT : ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
            return ErrorCode.INVALID_INPUT;
        }
        return ErrorCode.INTERNAL;
    }

    /** Just inside the audit interceptor, which records the answer with its codes. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

}
