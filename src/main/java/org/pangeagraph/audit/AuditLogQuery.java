package org.pangeagraph.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.entity.EntityConnection.PageInfo;
import org.pangeagraph.model.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the audit log newest first, with filters, a page at a time. Files are skipped when every
 * record in them is older than {@code from}; within a file every line is read.
 */
final class AuditLogQuery {

    private static final Logger log = LoggerFactory.getLogger(AuditLogQuery.class);

    private AuditLogQuery() {
    }

    /** What to look for. */
    record Filter(String user, String caseNumber, String entityId, OffsetDateTime from, OffsetDateTime to) {

        boolean matches(Map<String, Object> fields) {
            Instant time = Instant.parse(String.valueOf(fields.get("time")));
            return (this.user == null || this.user.equals(fields.get("user")))
                    && (this.caseNumber == null || listOf(fields.get("cases")).contains(this.caseNumber))
                    && (this.entityId == null || listOf(fields.get("entityIds")).contains(this.entityId))
                    && (this.from == null || !time.isBefore(this.from.toInstant()))
                    && (this.to == null || !time.isAfter(this.to.toInstant()));
        }

    }

    /**
     * A page of records, each a map of the GraphQL {@code AuditRecord}'s fields (named so that Spring
     * GraphQL passes it to the connection type as it is).
     */
    record AuditRecordConnection(List<Edge> edges, PageInfo pageInfo) {
    }

    /** A record and its cursor. */
    record Edge(String cursor, Map<String, Object> node) {
    }

    static AuditRecordConnection read(AuditLog log, Filter filter, int first, String after) {
        Position start = after == null ? null : Position.decode(after);
        List<Path> files = log.files();
        List<Edge> edges = new ArrayList<>();
        boolean more = false;
        scan:
        for (int f = files.size() - 1; f >= 0; f--) {
            Path file = files.get(f);
            String name = file.getFileName().toString();
            if (start != null && name.compareTo(start.file()) > 0) {
                continue;
            }
            if (filter.from() != null && f + 1 < files.size()
                    && AuditLog.started(files.get(f + 1)).isBefore(filter.from().toInstant())) {
                break;
            }
            List<String> lines = AuditLog.lines(file);
            int last = start != null && name.equals(start.file()) ? start.line() - 1 : lines.size();
            for (int i = last - 1; i >= 0; i--) {
                Map<String, Object> node = node(file, i + 1, lines.get(i));
                if (node == null || !filter.matches(node)) {
                    continue;
                }
                if (edges.size() == first) {
                    more = true;
                    break scan;
                }
                edges.add(new Edge(new Position(name, i + 1).encode(), node));
            }
        }
        return new AuditRecordConnection(edges, new PageInfo(more, after != null, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    private static Map<String, Object> node(Path file, int line, String text) {
        AuditLine.Parsed parsed;
        try {
            parsed = AuditLine.read(text);
        }
        catch (AuditLine.BrokenLineException ex) {
            log.warn("Skipped the audit record {}:{}, which is broken ({}); run 'audit verify'", file, line, ex.getMessage());
            return null;
        }
        Map<String, Object> node = new LinkedHashMap<>(parsed.fields());
        node.put("time", OffsetDateTime.ofInstant(Instant.parse(parsed.time()), ZoneOffset.UTC));
        node.put("file", file.getFileName().toString());
        node.put("line", line);
        node.put("hash", parsed.hash());
        node.put("previousHash", parsed.previousHash());
        return node;
    }

    private static List<?> listOf(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** Where a record is: the cursor of a page. */
    private record Position(String file, int line) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((this.file + ":" + this.line).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = text.lastIndexOf(':');
                return new Position(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
            }
            catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
                throw new InvalidInputException("after", "is not a cursor of the audit log");
            }
        }

    }

}
