package org.pangeagraph.alert;

import org.pangeagraph.model.CallerResolver;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * At each request of a watch owner, records their roles and case memberships if they changed since their
 * last (a token user's memberships are known only from their token): their watches then match with what
 * they may see now. A look-up in memory for everyone else.
 */
class WatchOwnerSignIns implements WebGraphQlInterceptor, Ordered {

    private final CallerResolver callers;

    private final Watches watches;

    WatchOwnerSignIns(CallerResolver callers, Watches watches) {
        this.callers = callers;
        this.watches = watches;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        this.watches.signedIn(this.callers.current());
        return chain.next(request);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

}
