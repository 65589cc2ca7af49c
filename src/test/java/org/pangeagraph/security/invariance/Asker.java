package org.pangeagraph.security.invariance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import graphql.schema.GraphQLSchema;
import org.pangeagraph.security.invariance.SchemaCalls.Call;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Asks every call of a plan over HTTP as one reader and keeps each answer as it came over the wire
 * (status, and the body byte for byte). Calls are sent thirty to a document with aliases, each with
 * its selection as named fragments; a document the API refuses as too large is split in two until
 * each part is accepted, and the split is kept for every later round, so that each round sends the
 * very same requests. A paged call walks its pages by {@code endCursor}.
 */
public final class Asker {

    /** The most calls in one document: the API's alias limit. */
    static final int CALLS_PER_DOCUMENT = 30;

    /** A walk stops here, whatever the pages say. */
    static final int MAX_PAGES = 60;

    private final WebTestClient reader;

    private final GraphQLSchema schema;

    private List<List<Call>> documents;

    public Asker(WebTestClient reader, GraphQLSchema schema) {
        this.reader = reader.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        this.schema = schema;
    }

    /** Every answer, by request: the documents of one-page calls, each page of the paged ones, each export. */
    public Map<String, String> ask(List<Call> calls, List<String> exports) {
        this.timing.clear();
        Map<String, String> answers = new LinkedHashMap<>();
        if (this.documents == null) {
            this.documents = new ArrayList<>();
            List<Call> single = calls.stream().filter(c -> !c.paged()).toList();
            for (int i = 0; i < single.size(); i += CALLS_PER_DOCUMENT) {
                planned(single.subList(i, Math.min(single.size(), i + CALLS_PER_DOCUMENT)), answers);
            }
        }
        else {
            for (List<Call> document : this.documents) {
                String text = document(document);
                answers.put(text, post(text));
            }
        }
        for (Call call : calls) {
            if (call.paged()) {
                walk(call, answers);
            }
        }
        for (String uri : exports) {
            answers.put("GET " + uri, get(uri));
        }
        return answers;
    }

    /** Sends a group of calls as one document, split in two while the API refuses it whole. */
    private void planned(List<Call> group, Map<String, String> answers) {
        String text = document(group);
        String answer = post(text);
        if (group.size() > 1 && refusedWhole(answer)) {
            planned(group.subList(0, group.size() / 2), answers);
            planned(group.subList(group.size() / 2, group.size()), answers);
            return;
        }
        if (refusedWhole(answer)) {
            throw new AssertionError("The API refuses a call of the property as a whole, which then tests nothing: "
                    + text + "\n" + answer);
        }
        this.documents.add(group);
        answers.put(text, answer);
    }

    /** An answer with no data, only errors of the request as a whole (a limit, a syntax error). */
    private static boolean refusedWhole(String answer) {
        int body = answer.indexOf('\n');
        String json = answer.substring(body + 1);
        Map<String, Object> map = JsonPath.read(json, "$");
        return map.get("data") == null && map.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.stream().allMatch(e -> !(e instanceof Map<?, ?> m) || m.get("path") == null);
    }

    private void walk(Call call, Map<String, String> answers) {
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String arguments = after == null ? call.arguments() : call.arguments().isEmpty()
                    ? "(after: " + Literal.of(after) + ")"
                    : call.arguments().substring(0, call.arguments().length() - 1) + ", after: " + Literal.of(after) + ")";
            Call one = new Call(call.field(), arguments, false, call.nestedArguments());
            String text = document(List.of(one));
            String answer = post(text);
            answers.put(text, answer);
            String json = answer.substring(answer.indexOf('\n') + 1);
            Boolean next = read(json, "$.data.c0.pageInfo.hasNextPage");
            if (!Boolean.TRUE.equals(next)) {
                return;
            }
            after = read(json, "$.data.c0.pageInfo.endCursor");
        }
        throw new AssertionError("More than " + MAX_PAGES + " pages: " + call.text());
    }

    private static <T> T read(String json, String path) {
        try {
            return JsonPath.read(json, path);
        }
        catch (com.jayway.jsonpath.PathNotFoundException ex) {
            return null;
        }
    }

    /** One document: each call under an alias, with its selection as fragments. */
    String document(List<Call> calls) {
        StringBuilder query = new StringBuilder("query Invariance {");
        Map<String, String> fragments = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            Selections selections = new Selections(this.schema, call.nestedArguments());
            String selection = selections.of(this.schema.getQueryType().getFieldDefinition(call.field()).getType(), fragments);
            query.append(" c").append(i).append(": ").append(call.text()).append(' ').append(selection == null ? "" : selection);
        }
        query.append(" }");
        fragments.values().stream().filter(f -> !f.isEmpty()).forEach(f -> query.append('\n').append(f));
        return query.toString();
    }

    /** Milliseconds each request took, by its text, for finding the slow ones (-Dinvariance.timing). */
    final Map<String, Long> timing = new LinkedHashMap<>();

    private String post(String document) {
        long start = System.nanoTime();
        try {
            return send(document);
        }
        finally {
            this.timing.merge(document.substring(0, Math.min(120, document.length())), (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    private String send(String document) {
        EntityExchangeResult<byte[]> result = this.reader.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document)).exchange().expectBody().returnResult();
        byte[] body = result.getResponseBody();
        return result.getStatus().value() + "\n" + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private String get(String uri) {
        long start = System.nanoTime();
        try {
            return fetch(uri);
        }
        finally {
            this.timing.merge(uri, (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    private String fetch(String uri) {
        EntityExchangeResult<byte[]> result = this.reader.get().uri(uri).accept(MediaType.ALL).exchange().expectBody()
            .returnResult();
        byte[] body = result.getResponseBody();
        return result.getStatus().value() + " truncated=" + result.getResponseHeaders().getFirst("X-Subgraph-Truncated") + "\n"
                + (body == null ? "" : new String(body, StandardCharsets.ISO_8859_1));
    }

    /** The slowest requests of the last round, for -Dinvariance.timing. */
    public void printSlowest() {
        long total = this.timing.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("NeedToKnowInvarianceIT: " + this.timing.size() + " requests, " + total + " ms in all; slowest:");
        this.timing.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
            .forEach(e -> System.out.println("  " + e.getValue() + " ms  " + e.getKey().replace('\n', ' ')));
    }

}
