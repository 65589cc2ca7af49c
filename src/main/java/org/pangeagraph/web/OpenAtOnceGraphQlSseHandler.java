package org.pangeagraph.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Subscriptions over server-sent events whose response headers go out as soon as the subscription is
 * set up. Spring for GraphQL's handler writes nothing before the first event or the first keep-alive
 * comment ({@code spring.graphql.http.sse.keep-alive}, 5 s): a browser's {@code fetch}, which
 * resolves on the headers, learnt only then that it was following, and a client with a time limit on
 * the headers gave up. Here the headers are sent from the request's thread as soon as the handler has
 * written them. The subscription starts as before; what it publishes meanwhile (an event, its end or
 * an error) waits for the headers, so that nothing else writes to the response at the same time.
 */
final class OpenAtOnceGraphQlSseHandler extends GraphQlSseHandler {

    OpenAtOnceGraphQlSseHandler(WebGraphQlHandler graphQlHandler, Duration timeout, Duration keepAlive) {
        super(graphQlHandler, timeout, keepAlive);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
        Sinks.Empty<Void> headersSent = Sinks.empty();
        Mono<WebGraphQlResponse> afterTheHeaders = responseMono.map(response -> response.getData() instanceof Publisher<?> published
                ? response.transform(builder -> builder.data(after(headersSent.asMono(), published)))
                : response);
        ServerResponse events = super.prepareResponse(request, afterTheHeaders);
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
                try {
                    ModelAndView written = events.writeTo(servletRequest, servletResponse, context);
                    servletResponse.flushBuffer();
                    return written;
                }
                finally {
                    headersSent.tryEmitEmpty();
                }
            }

        };
    }

    /** The subscription's signals, its events, its end or its error, each held until the headers are sent. */
    private static Flux<?> after(Mono<Void> headers, Publisher<?> signals) {
        return Flux.from(signals).materialize().delayUntil(signal -> headers).dematerialize();
    }

}
