package org.pangeagraph.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The Origin check on WebSocket upgrades: a page of another origin is refused (a browser would send the
 * sign-in it saved for this server); the server's own origin, a listed one and a client sending no Origin
 * pass on to the sign-in; with the check off (outside production) everything passes.
 */
class WebSocketOriginsTests {

    @Test
    void anUpgradeFromAnotherOriginIsRefusedBeforeItReachesGraphQl() throws Exception {
        MockHttpServletResponse response = upgrade(new WebSocketOrigins.Settings(true, List.of()), "https://evil.example");
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void theServersOwnOriginAListedOneAndNoOriginPass() throws Exception {
        WebSocketOrigins.Settings settings = new WebSocketOrigins.Settings(true, List.of("https://analysis.agency.example"));
        assertThat(upgrade(settings, "http://pangea.agency.example:8080").getStatus()).isEqualTo(200);
        assertThat(upgrade(settings, "https://ANALYSIS.agency.example:443").getStatus()).isEqualTo(200);
        assertThat(upgrade(settings, null).getStatus()).isEqualTo(200);
        assertThat(upgrade(settings, "http://pangea.agency.example:9090").getStatus()).isEqualTo(403);
        assertThat(upgrade(settings, "null").getStatus()).isEqualTo(403);
    }

    @Test
    void withTheCheckOffEveryOriginPasses() throws Exception {
        assertThat(upgrade(new WebSocketOrigins.Settings(false, List.of()), "https://evil.example").getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse upgrade(WebSocketOrigins.Settings settings, String origin) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/graphql-ws");
        request.setScheme("http");
        request.addHeader("Host", "pangea.agency.example:8080");
        request.addHeader("Upgrade", "websocket");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new WebSocketOrigins(settings).doFilter(request, response, new MockFilterChain());
        return response;
    }

}
