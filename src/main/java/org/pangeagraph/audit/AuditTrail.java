package org.pangeagraph.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.GraphQLError;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.ErrorResponses;

/**
 * Writes the audit records of the running application, and what every kind of record shares: the
 * justification policy and the redaction of variables.
 */
public class AuditTrail implements AutoCloseable {

    /** Variables longer than this are cut in the log: the document's hash identifies the request. */
    static final int MAX_LOGGED_STRING = 2_000;

    /** The request header that carries a justification. */
    public static final String JUSTIFICATION_HEADER = "X-Justification";

    /** The GraphQL request extension that carries a justification. */
    public static final String JUSTIFICATION_EXTENSION = "justification";

    private final AuditLog log;

    private final JustificationPolicy policy;

    private final Set<String> redacted;

    public AuditTrail(AuditLog log, AuditProperties properties) {
        this.log = log;
        this.policy = properties.requireJustification();
        this.redacted = properties.redactVariables().stream().map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    }

    /** Writes a record; see {@link AuditLog#append}. */
    public AuditLog.Appended record(AuditEvent event, boolean durable) {
        return this.log.append(event, durable);
    }

    /** Forces and closes the log's open files, when the application stops. */
    @Override
    public void close() {
        this.log.close();
    }

    AuditLog log() {
        return this.log;
    }

    JustificationPolicy policy() {
        return this.policy;
    }

    /** The values as they are logged: redacted names hidden, long strings cut. */
    Map<String, Object> redact(Map<String, ?> values) {
        Map<String, Object> logged = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((name, value) -> logged.put(name,
                    this.redacted.contains(name.toLowerCase(Locale.ROOT)) ? "[REDACTED]" : redactValue(value)));
        }
        return logged;
    }

    private Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((k, v) -> nested.put(String.valueOf(k), v));
            return redact(nested);
        }
        if (value instanceof Collection<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(redactValue(item)));
            return items;
        }
        if (value instanceof String s && s.length() > MAX_LOGGED_STRING) {
            return s.substring(0, MAX_LOGGED_STRING) + "...[" + s.length() + " characters]";
        }
        return value;
    }

    /** A justification as sent, or null when blank or absent. */
    static String justification(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The error of a request refused for want of a justification. */
    static GraphQLError justificationRequired(String what) {
        return ErrorResponses.graphQlError(ErrorCode.JUSTIFICATION_REQUIRED, what + " requires a justification: say why in the "
                + JUSTIFICATION_HEADER + " header or the request extension '" + JUSTIFICATION_EXTENSION + "'", Map.of());
    }

}
