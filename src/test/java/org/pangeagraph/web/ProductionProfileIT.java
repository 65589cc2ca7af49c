package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.support.StartedApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The application as it faces the public: the production profile shows strangers nothing of the
 * schema (no introspection, no printed schema, no GraphiQL, no field suggestions), serves the explorer
 * behind sign-in under a Content-Security-Policy, and, with
 * {@code pangea.audit.require-justification=CASE_DATA}, case data is neither written nor shown
 * without a justification. Not an {@code @IntegrationTest}: its profile and policy are the point.
 */
class ProductionProfileIT {

    private static final String UPSERT = "mutation tag($input: WebsiteInput!) { upsertWebsite(input: $input) { website { id } } }";

    private static final String WEBSITE = "query site($domain: String!) { website(domain: $domain) { name cases } }";

    @TempDir
    static Path directory;

    static StartedApplication app;

    @BeforeAll
    static void start() {
        app = StartedApplication.start(directory, "production", "--pangea.audit.require-justification=CASE_DATA");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void introspectionIsRefused() {
        for (String document : List.of("{ __schema { types { name } } }", "{ __type(name: \"Website\") { fields { name } } }")) {
            String body = post(document, Map.of(), null, null);
            assertThat(JsonPath.<Map<String, Object>>read(body, "$").get("data")).as(body).isNull();
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.code")).containsOnly("FORBIDDEN");
            assertThat(body).doesNotContain("Website\"").doesNotContain("domain");
        }
    }

    @Test
    void aMistypedFieldIsNotAnsweredWithSuggestions() {
        String body = post("{ websit(domain: \"a.example\") { nam } }", Map.of(), null, null);

        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.code")).containsOnly("GRAPHQL_VALIDATION_FAILED");
        assertThat(body).doesNotContainIgnoringCase("did you mean").doesNotContain("\"website\"").doesNotContain("websites");
    }

    @Test
    void neitherGraphiQlNorThePrintedSchemaIsServed() {
        app.webClient().get().uri("/graphiql").exchange().expectStatus().isNotFound();
        app.webClient().get().uri("/graphql/schema").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void theExplorerIsServedBehindSignInWithAPolicyAllowingOnlyTheApplicationsScripts() {
        app.webClient().mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build()
            .get().uri("/explorer").exchange().expectStatus().isUnauthorized();

        var page = app.webClient().get().uri("/explorer").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult();
        String policy = page.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self';", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
            .doesNotContain("unsafe-eval");
        assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
            .isEqualTo("script-src 'self'");
        assertThat(page.getResponseBody()).contains("<script src=\"explorer/explorer.js\" type=\"module\">")
            .doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("(src|href)=\"(https?:)?//");
        app.webClient().get().uri("/webjars/cytoscape/dist/cytoscape.min.js").exchange().expectStatus().isOk()
            .expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self';.*");
    }

    @Test
    void caseDataIsNeitherWrittenNorShownWithoutAJustification() throws IOException {
        Map<String, Object> tagged = Map.of("input", Map.of("domain", "case-b.example", "name", "Case B Pharmacy", "cases", List.of("CASE-B")));

        String unjustifiedWrite = post(UPSERT, tagged, null, null);
        assertThat(JsonPath.<List<String>>read(unjustifiedWrite, "$.errors[*].extensions.code")).containsExactly("JUSTIFICATION_REQUIRED");
        assertThat((Object) JsonPath.read(post(WEBSITE, Map.of("domain", "case-b.example"), "check", null), "$.data.website")).isNull();

        assertThat(post(UPSERT, tagged, "Seizure report 17 names this storefront", null)).doesNotContain("\"errors\"");
        assertThat(post(UPSERT, Map.of("input", Map.of("domain", "open.example", "name", "Open")), "Test purchase", null))
            .doesNotContain("\"errors\"");

        String withheld = post(WEBSITE, Map.of("domain", "case-b.example"), null, null);
        assertThat((Object) JsonPath.read(withheld, "$.data")).isNull();
        assertThat(JsonPath.<List<String>>read(withheld, "$.errors[*].extensions.code")).containsExactly("JUSTIFICATION_REQUIRED");
        assertThat(withheld).doesNotContain("Case B Pharmacy");

        assertThat(JsonPath.<String>read(post(WEBSITE, Map.of("domain", "case-b.example"), "Follow-up of report 17", null),
                "$.data.website.name")).isEqualTo("Case B Pharmacy");
        assertThat(JsonPath.<String>read(post(WEBSITE, Map.of("domain", "case-b.example"), null,
                Map.of("justification", "Follow-up of report 17")), "$.data.website.name")).isEqualTo("Case B Pharmacy");
        assertThat(JsonPath.<String>read(post(WEBSITE, Map.of("domain", "open.example"), null, null), "$.data.website.name"))
            .isEqualTo("Open");

        String id = JsonPath.read(post(UPSERT, tagged, "Reading its id", null), "$.data.upsertWebsite.website.id");
        String refusedExport = app.webClient().get().uri("/export/network.csv.zip?ids=" + id).exchange()
            .expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
        assertThat(refusedExport).contains("\"code\":\"JUSTIFICATION_REQUIRED\"");
        app.webClient().get().uri("/export/network.csv.zip?ids=" + id).header("X-Justification", "Link chart for the case file")
            .exchange().expectStatus().isOk();

        List<String> denials = auditLines().filter(line -> line.contains("\"errors\":[\"JUSTIFICATION_REQUIRED\"]")).toList();
        assertThat(denials).hasSize(3);
        assertThat(denials).allMatch(line -> line.contains("\"outcome\":\"DENIED\"") && line.contains("\"justification\":null"));
        assertThat(denials.get(1)).contains("\"cases\":[\"CASE-B\"]").contains("\"entityIds\":[]");

        // The change feed tells of the same facts: the same rule.
        String feed = "{ changesSince(sequence: 0, first: 100) { changes { entity { key } } } }";
        String withheldFeed = post(feed, Map.of(), null, null);
        assertThat(JsonPath.<List<String>>read(withheldFeed, "$.errors[*].extensions.code")).containsExactly("JUSTIFICATION_REQUIRED");
        assertThat(withheldFeed).doesNotContain("case-b.example");
        assertThat(post(feed, Map.of(), "Changes of report 17", null)).contains("case-b.example").doesNotContain("\"errors\"");
    }

    private static Stream<String> auditLines() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("audit"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList().stream()
                .flatMap(file -> {
                    try {
                        return Files.readAllLines(file).stream();
                    }
                    catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                });
        }
    }

    private static String post(String document, Map<String, Object> variables, String justification, Map<String, Object> extensions) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        if (extensions != null) {
            body.put("extensions", extensions);
        }
        return app.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .headers(headers -> {
                if (justification != null) {
                    headers.set("X-Justification", justification);
                }
            })
            .bodyValue(body).exchange().expectStatus().isEqualTo(HttpStatus.OK).expectBody(String.class).returnResult().getResponseBody();
    }

}
