package org.pangeagraph.web;

import java.util.concurrent.ExecutionException;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Writes a GraphQL answer in the dispatch of the request that asked it. The request thread waits for
 * the operation, which runs on the execution pool and is answered with {@code TIMEOUT} at
 * {@code pangea.limits.request-timeout} at the latest (the limits package's timeout interceptor), so
 * the wait is bounded. Left asynchronous, the servlet container dispatches every request a second
 * time to write its answer, through its valves, the filters and the handler mapping again: on
 * 30 November that second pass cost about as much CPU as the request's first one.
 */
final class SameDispatchGraphQlHttpHandler extends GraphQlHttpHandler {

    SameDispatchGraphQlHttpHandler(WebGraphQlHandler graphQlHandler, GraphQlRequestReader reader) {
        super(graphQlHandler, reader);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
        ServerResponse prepared = super.prepareResponse(request, Mono.just(await(responseMono)));
        // Prepared from an answer already there: nothing is left to wait for.
        return prepared instanceof AsyncServerResponse async ? async.block() : prepared;
    }

    /** The answer; a failure is thrown as it is, to the same exception handlers an asynchronous one reaches. */
    private static WebGraphQlResponse await(Mono<WebGraphQlResponse> responseMono) {
        try {
            return responseMono.toFuture().get();
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("A GraphQL request failed", cause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a GraphQL answer", ex);
        }
    }

}
