package org.pangeagraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a GraphQL request strictly, so that a malformed one is refused with HTTP 400 and
 * a message naming what is wrong, rather than coerced into something else (a number taken for a
 * document, {@code null} for a missing one) or answered with a 500: one JSON object, nothing after it,
 * no member twice; {@code query} a string; {@code operationName} a string or null; {@code variables}
 * and {@code extensions} objects or null. Members of other names are ignored, as the GraphQL-over-HTTP
 * specification allows. A body of media type {@code application/graphql} is the document itself.
 * Answers are written as Jackson writes them everywhere else.
 */
final class GraphQlRequestReader extends JacksonJsonHttpMessageConverter {

    static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

    private final ObjectReader strict;

    private final JsonMapper mapper;

    GraphQlRequestReader(JsonMapper mapper) {
        super(mapper);
        this.mapper = mapper;
        this.strict = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        setSupportedMediaTypes(List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"), APPLICATION_GRAPHQL));
    }

    /** A request body that is not one GraphQL request; {@code field} names the member at fault, if one is. */
    static final class MalformedRequestException extends HttpMessageNotReadableException {

        private final String field;

        MalformedRequestException(String message, String field, HttpInputMessage input) {
            super(message, input);
            this.field = field;
        }

        String field() {
            return this.field;
        }

    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        if (type != SerializableGraphQlRequest.class) {
            return super.readInternal(type, input);
        }
        MediaType contentType = input.getHeaders().getContentType();
        if (contentType != null && APPLICATION_GRAPHQL.includes(contentType)) {
            return request(new String(input.getBody().readAllBytes(), charset(contentType)), null, null, null);
        }
        JsonNode body = parse(input);
        if (body.isArray()) {
            throw new MalformedRequestException("The request body is a JSON array, a batch of GraphQL operations; batches are"
                    + " not supported: send one operation per request", null, input);
        }
        if (!body.isObject()) {
            throw new MalformedRequestException("The request body is " + kind(body) + " in JSON, not an object: send"
                    + " {\"query\": \"...\"} with the GraphQL document as a string", null, input);
        }
        JsonNode query = body.get("query");
        if (query == null || query.isNull()) {
            throw new MalformedRequestException("The request has no \"query\": send the GraphQL document as a string in"
                    + " \"query\"", "query", input);
        }
        if (!query.isString()) {
            throw new MalformedRequestException("\"query\" is " + kind(query) + "; it must be a string holding the"
                    + " GraphQL document", "query", input);
        }
        JsonNode operationName = body.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            throw new MalformedRequestException("\"operationName\" is " + kind(operationName) + "; it must be a string"
                    + " naming an operation of the document, or null", "operationName", input);
        }
        return request(query.stringValue(), operationName == null || operationName.isNull() ? null : operationName.stringValue(),
                map(body, "variables", input), map(body, "extensions", input));
    }

    private JsonNode parse(HttpInputMessage input) throws IOException {
        JsonNode body;
        try (InputStream in = input.getBody()) {
            body = this.strict.readTree(in);
        }
        catch (JacksonException ex) {
            TokenStreamLocation at = ex.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate")
                    ? "names the same member twice" : "is not valid JSON";
            throw new MalformedRequestException("The request body " + what + where + ": send one JSON object such as"
                    + " {\"query\": \"{ __typename }\"}", null, input);
        }
        if (body == null || body.isMissingNode()) {
            throw new MalformedRequestException("The request body is empty: send one JSON object such as"
                    + " {\"query\": \"{ __typename }\"}", null, input);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(JsonNode body, String member, HttpInputMessage input) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new MalformedRequestException("\"" + member + "\" is " + kind(value) + "; it must be an object of names"
                    + " and values, or null", member, input);
        }
        return this.mapper.treeToValue(value, Map.class);
    }

    private static SerializableGraphQlRequest request(String query, String operationName, Map<String, Object> variables,
            Map<String, Object> extensions) {
        SerializableGraphQlRequest request = new SerializableGraphQlRequest();
        request.setQuery(query);
        request.setOperationName(operationName);
        request.setVariables(variables);
        request.setExtensions(extensions);
        return request;
    }

    /** A JSON value's kind in plain words. */
    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            default -> "a value";
        };
    }

    private static java.nio.charset.Charset charset(MediaType contentType) {
        return contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
    }

}
