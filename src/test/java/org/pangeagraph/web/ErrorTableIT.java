package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pangeagraph.db.DatabaseUnavailableException;
import org.pangeagraph.db.QueryTimeoutException;
import org.pangeagraph.model.ConflictException;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error table on its own: every exception a resolver or an export may raise, answered over real HTTP
 * with its code, the field it names, its message, its GraphQL classification and, from an export, its
 * HTTP status; a list that fails is no page (the null its error leaves, bubbling up as the schema
 * says), not an empty page; and the errors graphql-java raises before any resolver, coded the same way.
 * The application here is the web package's error handling with a schema of failing fields and an
 * export that fails, and no database: test resolvers raise the exceptions the application's raise, in
 * each way they reach the handler. The whole application's tests check the same codes where the graph
 * raises them.
 */
@SpringBootTest(classes = ErrorTableIT.ErrorHandling.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.graphql.schema.locations=classpath:error-table/",
            // With a URI configured no embedded database is started: this application has none.
            "spring.neo4j.uri=bolt://127.0.0.1:9"})
class ErrorTableIT {

    private static final String REFERENCE = "Internal error; quote reference [0-9a-f-]{36} to the administrator";

    /** The exceptions the schema's fields and the export raise, by name. */
    enum Raised {
        INVALID_INPUT(() -> new InvalidInputException("input.domain", "'shop' is not a domain name")),
        LIMIT_EXCEEDED(() -> new LimitExceededException("depth", "is 5; the most allowed is 4")),
        NOT_FOUND(() -> new NotFoundException("ids", "entity with id nobody")),
        NOT_FOUND_WITHOUT_FIELD(() -> new NotFoundException(null, "criminal network")),
        CONFLICT(() -> new ConflictException("input.expectedVersion", "The website was changed since version 2")),
        FORBIDDEN(() -> new ForbiddenException("input.cases", "You are not a member of case CASE-B")),
        TIMEOUT(() -> new QueryTimeoutException(new IllegalStateException("MATCH (w:Website) RETURN w ran 5 s"))),
        DATABASE_UNAVAILABLE(() -> new DatabaseUnavailableException(new IllegalStateException("bolt://db:7687 refused"))),
        UNEXPECTED(() -> new IllegalStateException("MATCH (w:Website) RETURN w.secret failed in org.pangeagraph")),
        WRAPPED(() -> new IllegalStateException("while exporting", new NotFoundException("ids", "entity with id nobody")));

        private final Supplier<RuntimeException> exception;

        Raised(Supplier<RuntimeException> exception) {
            this.exception = exception;
        }

        RuntimeException raise() {
            return this.exception.get();
        }
    }

    /** What a client gets for an exception: code, field (or none), message (a pattern), classification, HTTP status. */
    record Answer(String code, String field, String message, String classification, int status) {
    }

    static final Map<Raised, Answer> TABLE = Map.of(
            Raised.INVALID_INPUT, new Answer("INVALID_INPUT", "input.domain", "input\\.domain 'shop' is not a domain name",
                    "BAD_REQUEST", 400),
            Raised.LIMIT_EXCEEDED, new Answer("LIMIT_EXCEEDED", "depth", "depth is 5; the most allowed is 4", "BAD_REQUEST", 400),
            Raised.NOT_FOUND, new Answer("NOT_FOUND", "ids", "No entity with id nobody found", "NOT_FOUND", 404),
            Raised.NOT_FOUND_WITHOUT_FIELD, new Answer("NOT_FOUND", null, "No criminal network found", "NOT_FOUND", 404),
            Raised.CONFLICT, new Answer("CONFLICT", "input.expectedVersion", "The website was changed since version 2",
                    "BAD_REQUEST", 409),
            Raised.FORBIDDEN, new Answer("FORBIDDEN", "input.cases", "You are not a member of case CASE-B", "FORBIDDEN", 403),
            Raised.TIMEOUT, new Answer("TIMEOUT", null, "The query ran past its time limit and was stopped; narrow it"
                    + " \\(fewer hops, fewer ids, a smaller page\\)", "INTERNAL_ERROR", 503),
            Raised.DATABASE_UNAVAILABLE, new Answer("DATABASE_UNAVAILABLE", null,
                    "The graph database is not reachable right now; try again shortly", "INTERNAL_ERROR", 503),
            Raised.UNEXPECTED, new Answer("INTERNAL", null, REFERENCE, "INTERNAL_ERROR", 500),
            // Only the exception raised counts, not what it wraps.
            Raised.WRAPPED, new Answer("INTERNAL", null, REFERENCE, "INTERNAL_ERROR", 500));

    @Autowired
    Environment environment;

    @Test
    void everyExceptionOfAControllerIsAnsweredWithItsCodeFieldAndMessage() {
        for (Raised raised : Raised.values()) {
            String body = graphQl("query($e: Raised!) { fromController(exception: $e) }", Map.of("e", raised.name()));
            assertGraphQlError(body, raised, List.of("fromController"));
            assertThat((Object) JsonPath.read(body, "$.data.fromController")).as(body).isNull();
        }
    }

    @Test
    void everyExceptionOfADataFetcherWiredWithoutAControllerIsAnsweredTheSame() {
        for (Raised raised : Raised.values()) {
            String body = graphQl("query($e: Raised!) { fromWiring(exception: $e) }", Map.of("e", raised.name()));
            assertGraphQlError(body, raised, List.of("fromWiring"));
        }
    }

    @Test
    void everyExceptionOfABatchLoaderIsAnsweredTheSameAtEachFieldItFailed() {
        for (Raised raised : Raised.values()) {
            String body = graphQl("query($e: Raised!) { items(exception: $e) { failing } }", Map.of("e", raised.name()));
            assertGraphQlError(body, raised, List.of("items", 0, "failing"));
        }
    }

    @Test
    void aPageThatFailsIsNoPageAndOneErrorNotAnEmptyPage() {
        for (Raised raised : Raised.values()) {
            String body = graphQl("query($e: Raised!) { page(exception: $e) { totalCount edges { cursor } } }",
                    Map.of("e", raised.name()));
            assertGraphQlError(body, raised, List.of("page"));
            assertThat((Object) JsonPath.read(body, "$.data")).as(body).isNull();
        }
    }

    @Test
    void everyExceptionOfAnExportIsAnsweredWithItsCodeFieldMessageAndStatus() {
        for (Raised raised : Raised.values()) {
            Answer answer = TABLE.get(raised);
            String body = http().get().uri("/export/failure.json?exception=" + raised.name()).exchange()
                .expectStatus().isEqualTo(answer.status()).expectBody(String.class).returnResult().getResponseBody();
            Map<String, Object> error = new LinkedHashMap<>(JsonPath.<Map<String, Object>>read(body, "$"));
            assertThat(error.remove("message")).as(raised + ": " + body).asString().matches(answer.message());
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("code", answer.code());
            if (answer.field() != null) {
                expected.put("field", answer.field());
            }
            assertThat(error).as(raised + ": " + body).isEqualTo(expected);
            assertNoInternals(body);
        }
    }

    @Test
    void aCheckedExceptionOfAnExportIsAnsweredByTheFirstRuntimeExceptionItWraps() {
        String body = http().get().uri("/export/failure-checked.json").exchange().expectStatus().isNotFound()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<Map<String, Object>>read(body, "$")).isEqualTo(Map.of("code", "NOT_FOUND", "field", "ids",
                "message", "No entity with id nobody found"));
    }

    @Test
    void aMissingOrMalformedExportParameterIsBadInputNamingIt() {
        assertHttpError("/export/failure.json", Map.of("code", "INVALID_INPUT", "field", "exception",
                "message", "exception is required"));
        assertHttpError("/export/failure.json?exception=EXPLODE", Map.of("code", "INVALID_INPUT", "field", "exception",
                "message", "exception has a value of the wrong form"));
        assertHttpError("/export/failure.json?exception=NOT_FOUND&depth=deep", Map.of("code", "INVALID_INPUT", "field", "depth",
                "message", "depth has a value of the wrong form"));
    }

    @Test
    void documentsThatDoNotParseOrDoNotFitTheSchemaAreCoded() {
        Map<String, Object> parse = onlyError(graphQl("{ fromController(exception: ", Map.of()));
        assertThat(parse.get("extensions")).isEqualTo(Map.of("code", "GRAPHQL_PARSE_FAILED", "classification", "InvalidSyntax"));

        Map<String, Object> unknown = onlyError(graphQl("{ noSuchField }", Map.of()));
        assertThat(unknown.get("extensions")).isEqualTo(Map.of("code", "GRAPHQL_VALIDATION_FAILED", "classification",
                "ValidationError"));
    }

    @Test
    void valuesGraphQlJavaCannotCoerceAreBadInputNamingTheField() {
        Map<String, Object> literal = onlyError(graphQl("{ fromController(exception: EXPLODE) }", Map.of()));
        assertThat(literal.get("extensions")).isEqualTo(Map.of("code", "INVALID_INPUT", "field", "exception",
                "classification", "ValidationError"));
        assertThat((String) literal.get("message")).contains("EXPLODE").doesNotContain("EnumValue");

        Map<String, Object> variable = onlyError(graphQl("query($e: Raised!) { fromController(exception: $e) }",
                Map.of("e", "EXPLODE")));
        assertThat(variable.get("extensions")).isEqualTo(Map.of("code", "INVALID_INPUT", "field", "e",
                "classification", "ValidationError"));

        String document = "query($input: FailureInput!) { fromInput(input: $input) }";
        Map<String, Object> count = onlyError(graphQl(document, Map.of("input", Map.of("exception", "CONFLICT", "count", "many"))));
        assertThat(count.get("extensions")).isEqualTo(Map.of("code", "INVALID_INPUT", "field", "input.count",
                "classification", "ValidationError"));
        Map<String, Object> tag = onlyError(graphQl(document, Map.of("input", Map.of("exception", "CONFLICT",
                "tags", List.of("a", Map.of("not", "a string"))))));
        assertThat(tag.get("extensions")).isEqualTo(Map.of("code", "INVALID_INPUT", "field", "input.tags[1]",
                "classification", "ValidationError"));
        Map<String, Object> missing = onlyError(graphQl(document, Map.of("input", Map.of("count", 3))));
        assertThat(missing.get("extensions")).isEqualTo(Map.of("code", "INVALID_INPUT", "field", "input.exception",
                "classification", "ValidationError"));
    }

    @Test
    void aNullWhereTheSchemaPromisesAValueIsAnInternalErrorWithAReferenceOnly() {
        String body = graphQl("{ promised }", Map.of());
        Map<String, Object> error = onlyError(body);
        assertThat(error.get("extensions")).isEqualTo(Map.of("code", "INTERNAL", "classification", "INTERNAL_ERROR"));
        assertThat((String) error.get("message")).matches(REFERENCE);
        assertThat(error.get("path")).isEqualTo(List.of("promised"));
        assertNoInternals(body);
    }

    private void assertGraphQlError(String body, Raised raised, List<Object> path) {
        Answer answer = TABLE.get(raised);
        Map<String, Object> error = onlyError(body);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", answer.code());
        if (answer.field() != null) {
            extensions.put("field", answer.field());
        }
        extensions.put("classification", answer.classification());
        assertThat(error).as(raised + ": " + body).containsOnlyKeys("message", "locations", "path", "extensions");
        assertThat(error.get("extensions")).as(raised + ": " + body).isEqualTo(extensions);
        assertThat((String) error.get("message")).as(raised.name()).matches(answer.message());
        assertThat(error.get("path")).as(raised.name()).isEqualTo(path);
        assertNoInternals(body);
    }

    private void assertHttpError(String uri, Map<String, Object> expected) {
        String body = http().get().uri(uri).exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult()
            .getResponseBody();
        assertThat(JsonPath.<Map<String, Object>>read(body, "$")).as(uri).isEqualTo(expected);
    }

    /** Nothing of the server's inside: no Cypher, no class or package names, no stack trace, no database address. */
    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("MATCH", "Exception", "org.pangeagraph", "java.", "bolt://", "\tat ");
    }

    private static Map<String, Object> onlyError(String body) {
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).as(body).hasSize(1);
        return errors.get(0);
    }

    private String graphQl(String document, Map<String, Object> variables) {
        Map<String, Object> request = new HashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .bodyValue(request).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector(HttpClient.newHttpClient()))
            .baseUrl("http://localhost:" + this.environment.getRequiredProperty("local.server.port")).build();
    }

    /** The web package's error handling, Spring's web and GraphQL servers, and the failing fields and export. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class, GraphQlWebMvcAutoConfiguration.class})
    @Import({ApiExceptionHandler.class, ErrorCodeInterceptor.class, Failures.class, FailingExport.class})
    static class ErrorHandling {

        @Bean
        RuntimeWiringConfigurer failingWithoutAController() {
            return wiring -> wiring.type("Query", type -> type.dataFetcher("fromWiring", env -> {
                throw Raised.valueOf(env.getArgument("exception")).raise();
            }));
        }

    }

    record Item(Raised exception) {
    }

    @Controller
    static class Failures {

        @QueryMapping
        String fromController(@Argument Raised exception) {
            throw exception.raise();
        }

        @QueryMapping
        List<Item> items(@Argument Raised exception) {
            return List.of(new Item(exception));
        }

        @BatchMapping
        Map<Item, String> failing(List<Item> items) {
            throw items.get(0).exception().raise();
        }

        @QueryMapping
        String fromInput(@Argument Map<String, Object> input) {
            return "accepted";
        }

        @QueryMapping
        String promised() {
            return null;
        }

        @QueryMapping
        Object page(@Argument Raised exception) {
            throw exception.raise();
        }

    }

    @RestController
    static class FailingExport {

        @GetMapping("/export/failure.json")
        String export(@RequestParam Raised exception, @RequestParam(defaultValue = "2") int depth) {
            throw exception.raise();
        }

        @GetMapping("/export/failure-checked.json")
        String checked() throws Exception {
            throw new Exception("while writing the file", new NotFoundException("ids", "entity with id nobody"));
        }

    }

}
