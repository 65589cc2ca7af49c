package org.pangeagraph.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Subscriptions over server-sent events whose response headers go out as soon as the subscription is
 * set up. Spring for GraphQL's handler writes nothing before the first event or the first keep-alive
 * comment (15 s): a browser's {@code fetch}, which resolves on the headers, learnt only then that it
 * was following, and a client with a time limit on the headers gave up. Here the headers are sent
 * from the request's thread before the subscription's events may flow, so that nothing else writes
 * to the response meanwhile.
 */
final class OpenAtOnceGraphQlSseHandler extends GraphQlSseHandler {

    OpenAtOnceGraphQlSseHandler(WebGraphQlHandler graphQlHandler, Duration timeout, Duration keepAlive) {
        super(graphQlHandler, timeout, keepAlive);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
        Sinks.Empty<Void> headersSent = Sinks.empty();
        ServerResponse events = super.prepareResponse(request, headersSent.asMono().then(responseMono));
        return new ServerResponse() {

            @Override
            public HttpStatusCode statusCode() {
                return events.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return events.headers();
            }

            @Override
            public MultiValueMap<String, Cookie> cookies() {
                return events.cookies();
            }

            @Override
            public ModelAndView writeTo(HttpServletRequest servletRequest, HttpServletResponse servletResponse, Context context)
                    throws ServletException, IOException {
                ModelAndView written = events.writeTo(servletRequest, servletResponse, context);
                servletResponse.flushBuffer();
                headersSent.tryEmitEmpty();
                return written;
            }

        };
    }

}
