package org.pangeagraph.support;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;

/**
 * GraphQL requests written out by hand and their answers as they come over the wire, for tests of
 * what the API refuses (HttpGraphQlTester checks the status and shape of an answer first) and of the
 * headers a request carries.
 */
public final class RawGraphQl {

    private RawGraphQl() {
    }

    /**
     * The head of a {@code POST /graphql} to write on a socket by hand: a JSON body of {@code length}
     * bytes, the answer asked as {@code accept}, and {@code Connection: close} when {@code close}.
     */
    public static byte[] postHead(String authorization, String accept, int length, boolean close) {
        return ("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: " + accept + "\r\n"
                + "Authorization: " + authorization + "\r\nContent-Length: " + length + "\r\n" + (close ? "Connection: close\r\n" : "")
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The codes of an answer's errors, none when it has no {@code errors} member. */
    public static List<String> errorCodes(String body) {
        Object errors = JsonPath.<Map<String, Object>>read(body, "$").get("errors");
        return errors == null ? List.of() : JsonPath.read(body, "$.errors[*].extensions.code");
    }

    /** Posts a document and returns the body of the answer, whatever its status. */
    public static String query(GraphQlClient client, String document) {
        return query(client, document, Map.of(), null);
    }

    /** Posts a document with variables and returns the body of the answer, whatever its status. */
    public static String query(GraphQlClient client, String document, Map<String, Object> variables) {
        return query(client, document, variables, null);
    }

    /** Posts a document with variables and an {@code X-Justification} header (when not null). */
    public static String query(GraphQlClient client, String document, Map<String, Object> variables, String justification) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return client.webClient().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .headers(headers -> {
                if (justification != null) {
                    headers.set("X-Justification", justification);
                }
            })
            .bodyValue(body).exchange().expectBody(String.class).returnResult().getResponseBody();
    }

}
