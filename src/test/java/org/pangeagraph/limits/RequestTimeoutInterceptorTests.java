package org.pangeagraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class RequestTimeoutInterceptorTests {

    private final RequestTimeoutInterceptor interceptor = new RequestTimeoutInterceptor(Duration.ofMillis(200),
            ParserOptions.getDefaultOperationParserOptions(), Schedulers.boundedElastic(), Schedulers.boundedElastic());

    @Test
    void anOperationStillRunningAtTheTimeoutIsAnsweredWithTimeoutAndCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        long started = System.nanoTime();

        WebGraphQlResponse response = this.interceptor.intercept(request(new HashMap<>()),
                request -> Mono.<WebGraphQlResponse>never().doOnCancel(() -> cancelled.set(true))).block(Duration.ofSeconds(15));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(10));
        assertThat(response.getErrors()).singleElement()
            .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "TIMEOUT"));
        assertThat((Object) response.getData()).isNull();
        assertThat(cancelled).isTrue();
    }

    @Test
    void aRequestWhoseTimeIsUpOnArrivalIsNotRun() {
        Map<String, Object> attributes = new HashMap<>(Map.of(RequestLimitFilter.ARRIVAL, System.nanoTime() - Duration.ofSeconds(1).toNanos()));
        AtomicBoolean ran = new AtomicBoolean();

        WebGraphQlResponse response = this.interceptor.intercept(request(attributes), request -> {
            ran.set(true);
            return Mono.never();
        }).block(Duration.ofSeconds(5));

        assertThat(response.getErrors()).singleElement()
            .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "TIMEOUT"));
        assertThat(ran).isFalse();
    }

    private static WebGraphQlRequest request(Map<String, Object> attributes) {
        SerializableGraphQlRequest body = new SerializableGraphQlRequest();
        body.setQuery("{ websites { totalCount } }");
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), new LinkedMultiValueMap<>(), null,
                attributes, body, "1", Locale.ENGLISH);
    }

}
