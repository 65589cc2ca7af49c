package org.pangeagraph.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;
import org.pangeagraph.db.DatabaseUnavailableException;
import org.pangeagraph.db.QueryTimeoutException;
import org.pangeagraph.model.ConflictException;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers every exception a resolver or a plain HTTP endpoint (the exports) raises, from one table:
 * each exception raised on purpose with its code, the input field it names and its message; anything
 * else with {@code INTERNAL}, logged under a reference that is all the client gets. The exception
 * raised counts, not what it wraps (at an endpoint, a checked exception counts by the first
 * RuntimeException it wraps). A resolver's exception becomes a GraphQL error at its field,
 * classified as its code says; an endpoint's, the JSON body of the REST errors with the HTTP status of
 * its code, or a GraphQL response on {@code /graphql} (a body that is not one request). What graphql-java
 * refuses before any resolver runs is coded by ErrorCodeInterceptor; the error page and the security
 * chain's refusals write ErrorResponses themselves.
 * <p>
 * Resolvers' exceptions come here from graphql-java's exception handler, as a DataFetcherExceptionResolver,
 * and not through a {@code @GraphQlExceptionHandler}: Spring for GraphQL calls those inside a
 * controller's data fetcher, and on a field that promises a connection (every list of the API) then
 * puts an empty connection where the error leaves null, so that a refused list would read as an empty
 * page with an error more ({@code ErrorTableIT}).
 */
@ControllerAdvice
class ApiExceptionHandler extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The table; the first entry the exception is an instance of answers it. */
    private static final List<Typed<?>> TABLE = List.of(
            typed(InvalidInputException.class, ErrorCode.INVALID_INPUT, InvalidInputException::field),
            typed(LimitExceededException.class, ErrorCode.LIMIT_EXCEEDED, LimitExceededException::field),
            typed(NotFoundException.class, ErrorCode.NOT_FOUND, NotFoundException::field),
            typed(ConflictException.class, ErrorCode.CONFLICT, ConflictException::field),
            typed(ForbiddenException.class, ErrorCode.FORBIDDEN, ForbiddenException::field),
            typed(QueryTimeoutException.class, ErrorCode.TIMEOUT, ex -> null),
            typed(DatabaseUnavailableException.class, ErrorCode.DATABASE_UNAVAILABLE, ex -> null),
            // Raised by HTTP requests alone: a parameter missing or of the wrong form, a body that is not one request.
            new Typed<>(MissingServletRequestParameterException.class, ErrorCode.INVALID_INPUT,
                    MissingServletRequestParameterException::getParameterName, ex -> ex.getParameterName() + " is required"),
            new Typed<>(MethodArgumentTypeMismatchException.class, ErrorCode.INVALID_INPUT,
                    MethodArgumentTypeMismatchException::getName, ex -> ex.getName() + " has a value of the wrong form"),
            typed(GraphQlRequestReader.MalformedRequestException.class, ErrorCode.INVALID_INPUT,
                    GraphQlRequestReader.MalformedRequestException::field),
            new Typed<>(HttpMessageNotReadableException.class, ErrorCode.INVALID_INPUT, ex -> null,
                    ex -> "The request body cannot be read: it is empty, not valid JSON, or not of the form this endpoint takes"),
            new Typed<>(ServerWebInputException.class, ErrorCode.INVALID_INPUT, ex -> null,
                    ex -> "The request body could not be read whole"));

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Answer answer = answer(ex, () -> "resolving " + env.getExecutionStepInfo().getPath());
        return ErrorResponses.graphQlError(env, answer.code(), answer.message(), answer.field());
    }

    /** Spring MVC passes here a checked exception's first cause that is a RuntimeException. */
    @ExceptionHandler
    ResponseEntity<Map<String, Object>> http(RuntimeException ex, HttpServletRequest request) {
        return answer(ex, request);
    }

    /** The one exception of the table that is not a RuntimeException. */
    @ExceptionHandler
    ResponseEntity<Map<String, Object>> http(MissingServletRequestParameterException ex, HttpServletRequest request) {
        return answer(ex, request);
    }

    private static ResponseEntity<Map<String, Object>> answer(Exception ex, HttpServletRequest request) {
        Answer answer = answer(ex, () -> "answering " + request.getMethod() + " " + request.getRequestURI());
        Map<String, Object> details = answer.field() == null ? Map.of() : Map.of("field", answer.field());
        return ErrorResponses.entity(answer.code().status(), ErrorResponses.graphQl(request), answer.code(), answer.message(),
                details);
    }

    /** The answer to {@code ex}; one outside the table is logged with {@code context} under the reference it gets. */
    static Answer answer(Throwable ex, Supplier<String> context) {
        for (Typed<?> typed : TABLE) {
            if (typed.type().isInstance(ex)) {
                return typed.answer(ex);
            }
        }
        return new Answer(ErrorCode.INTERNAL, ErrorResponses.internal(log, context.get(), ex), null);
    }

    private static <E extends Throwable> Typed<E> typed(Class<E> type, ErrorCode code, Function<E, String> field) {
        return new Typed<>(type, code, field, Throwable::getMessage);
    }

    /** An exception raised on purpose: its code, the input field it names (null for none) and its message. */
    private record Typed<E extends Throwable>(Class<E> type, ErrorCode code, Function<E, String> field,
            Function<E, String> message) {

        Answer answer(Throwable ex) {
            E typed = this.type.cast(ex);
            return new Answer(this.code, this.message.apply(typed), this.field.apply(typed));
        }

    }

    record Answer(ErrorCode code, String message, String field) {
    }

}
