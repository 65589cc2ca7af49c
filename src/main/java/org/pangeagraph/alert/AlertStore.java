package org.pangeagraph.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.Visibility;

/**
 * Alerts, kept in the graph as {@code Alert} nodes (a label no investigative query matches): raised or
 * merged by the matcher, read and worked by their owner and assignee, each read only where the reader
 * sees every fact it shows.
 */
class AlertStore {

    /** The watch, when it still exists. */
    private static final String WATCH = "MATCH (w:Watch {id: $id}) RETURN w.id AS id";

    /** The watch's open alert about the subject raised since {@code $since}, locked. */
    private static final String OPEN = """
            MATCH (a:Alert {watchId: $watchId, subject: $subject})
            WHERE a.status IN ['OPEN', 'IN_PROGRESS'] AND a.raisedAt >= $since
            SET a._lock = true
            RETURN a {.*} AS a ORDER BY a.raisedAt DESC LIMIT 1
            """;

    /** An open alert with the changes and evidence of a new match added. */
    private static final String MERGE = """
            MATCH (a:Alert {id: $id})
            SET a.changes = $changes, a.evidence = $evidence, a.factCases = $factCases, a.updatedAt = $now,
                a.factIds = coalesce(a.factIds, []) + [id IN $factIds WHERE NOT id IN coalesce(a.factIds, [])],
                a.factLinks = coalesce(a.factLinks, []) + [link IN $factLinks WHERE NOT link IN coalesce(a.factLinks, [])]
            REMOVE a._lock
            RETURN a {.*} AS a
            """;

    private static final String CREATE = "CREATE (a:Alert) SET a = $p RETURN a {.*} AS a";

    /**
     * A page of the alerts the reader owns or is assigned and sees: every fact an alert shows was of no case,
     * or of one of the reader's, when it was raised, and none has since been put in a case the reader is not in
     * ({@code visibleFacts}, over the ids of its entities and links kept with it).
     */
    static final String PAGE = CypherTemplate.statement("""
            CALL () {
              MATCH (a:Alert {owner: $user}) RETURN a
              UNION
              MATCH (a:Alert {assignee: $user}) RETURN a
            }
            WITH a WHERE ($statuses IS NULL OR a.status IN $statuses) AND visibleFacts(a)
            RETURN a {.*} AS a ORDER BY a.raisedAt DESC, a.id SKIP $offset LIMIT $limit
            """);

    /** The alert, when the reader owns it or is assigned it, and sees it. */
    private static final String FIND = CypherTemplate.statement("""
            MATCH (a:Alert {id: $id})
            WHERE (a.owner = $user OR a.assignee = $user) AND visibleFacts(a)
            RETURN a {.*} AS a
            """);

    /** The same, locked for a change. */
    private static final String FIND_TO_UPDATE = CypherTemplate.statement("""
            MATCH (a:Alert {id: $id})
            WHERE (a.owner = $user OR a.assignee = $user) AND visibleFacts(a)
            SET a._lock = true
            RETURN a {.*} AS a
            """);

    private static final String UPDATE = """
            MATCH (a:Alert {id: $id})
            SET a.status = $status, a.assignee = $assignee, a.history = $history, a.notes = $notes, a.updatedAt = $now
            REMOVE a._lock
            RETURN a {.*} AS a
            """;

    /** Records a delivery's state; package-private for WebhookIT, which checks which threads run it. */
    static final String DELIVERED = "MATCH (a:Alert {id: $id}) SET a.delivery = $state";

    private static final String UNDELIVERED = "MATCH (a:Alert {delivery: 'PENDING'}) RETURN a {.*} AS a ORDER BY a.raisedAt, a.id";

    private final GraphDb db;

    AlertStore(GraphDb db) {
        this.db = db;
    }

    /** What {@link #raise} did. */
    record Raised(Alert alert, boolean created) {
    }

    /**
     * Raises the draft's alert, or adds its changes and evidence to the watch's open alert about the same
     * entity raised within {@code window}, in one transaction. Null when the watch is gone (deleted since
     * the matcher read it): nothing is raised.
     */
    Raised raise(AlertDraft draft, Duration window) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return this.db.write(tx -> {
            if (tx.run(WATCH, Map.of("id", draft.watch().id())).isEmpty()) {
                return null;
            }
            List<Record> open = tx.run(OPEN, Map.of("watchId", draft.watch().id(), "subject", draft.subjectKey(), "since", now.minus(window)));
            if (!open.isEmpty()) {
                Alert existing = alert(open.get(0));
                List<Change> changes = new ArrayList<>(existing.changes());
                for (Change change : draft.changes()) {
                    if (changes.stream().noneMatch(c -> c.sequence() == change.sequence())) {
                        changes.add(change);
                    }
                }
                LinkedHashSet<Alert.Evidence> evidence = new LinkedHashSet<>(existing.evidence());
                evidence.addAll(draft.evidence());
                LinkedHashSet<List<String>> cases = new LinkedHashSet<>(existing.factCases());
                cases.addAll(draft.factCases());
                Map<String, Object> p = new HashMap<>();
                p.put("id", existing.id());
                p.put("changes", AlertJson.write(changes));
                p.put("evidence", AlertJson.write(List.copyOf(evidence)));
                p.put("factCases", AlertJson.caseSets(List.copyOf(cases)));
                p.put("factIds", draft.factIds());
                p.put("factLinks", draft.factLinks());
                p.put("now", now);
                Record updated = tx.run(MERGE, p).get(0);
                return new Raised(alert(updated), false);
            }
            Map<String, Object> p = new HashMap<>();
            p.put("id", UUID.randomUUID().toString());
            p.put("watchId", draft.watch().id());
            p.put("watchName", draft.watch().name());
            p.put("owner", draft.watch().owner());
            p.put("subject", draft.subjectKey());
            p.put("subjectEntity", draft.subject() == null ? null : AlertJson.JSON.writeValueAsString(draft.subject()));
            p.put("summary", draft.summary());
            p.put("changes", AlertJson.write(draft.changes()));
            p.put("evidence", AlertJson.write(draft.evidence()));
            p.put("factCases", AlertJson.caseSets(draft.factCases()));
            p.put("factIds", draft.factIds());
            p.put("factLinks", draft.factLinks());
            p.put("status", AlertStatus.OPEN.name());
            p.put("notes", List.of());
            p.put("history", List.of());
            p.put("raisedAt", now);
            p.put("updatedAt", now);
            p.put("delivery", draft.watch().webhookUrl() == null ? null : "PENDING");
            Record created = tx.run(CREATE, Map.of("p", p)).get(0);
            return new Raised(alert(created), true);
        });
    }

    /** A page of the alerts {@code user} owns or is assigned, as {@code visibility} sees them, newest first. */
    List<Alert> page(String user, Visibility visibility, List<AlertStatus> statuses, int offset, int limit) {
        Map<String, Object> p = new HashMap<>(visibility.parameters());
        p.put("user", user);
        p.put("separator", AlertJson.CASE_SEPARATOR);
        p.put("statuses", statuses == null || statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toList());
        p.put("offset", offset);
        p.put("limit", limit);
        return this.db.query(PAGE, p, AlertStore::alert);
    }

    /** The alert, if {@code user} owns it or is assigned it and sees it. */
    Alert find(String id, String user, Visibility visibility) {
        Map<String, Object> p = new HashMap<>(visibility.parameters());
        p.put("id", id);
        p.put("user", user);
        p.put("separator", AlertJson.CASE_SEPARATOR);
        List<Alert> found = this.db.query(FIND, p, AlertStore::alert);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Changes an alert's state, assignee or notes, keeping every change of state or assignee in its history.
     * Returns null when {@code user} may not (owner or assignee, seeing it).
     */
    Alert update(String id, String user, Visibility visibility, AlertStatus status, String assignee, String note) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return this.db.write(tx -> {
            Map<String, Object> p = new HashMap<>(visibility.parameters());
            p.put("id", id);
            p.put("user", user);
            p.put("separator", AlertJson.CASE_SEPARATOR);
            List<Record> found = tx.run(FIND_TO_UPDATE, p);
            if (found.isEmpty()) {
                return null;
            }
            Alert alert = alert(found.get(0));
            AlertStatus to = status == null ? alert.status() : status;
            String newAssignee = assignee == null ? alert.assignee() : assignee.isBlank() ? null : assignee.strip();
            List<Alert.StatusChange> history = new ArrayList<>(alert.history());
            if (to != alert.status() || !java.util.Objects.equals(newAssignee, alert.assignee())) {
                history.add(new Alert.StatusChange(now, user, alert.status(), to, newAssignee));
            }
            List<Alert.Note> notes = new ArrayList<>(alert.notes());
            if (note != null) {
                if (note.isBlank()) {
                    throw new InvalidInputException("input.note", "is empty");
                }
                notes.add(new Alert.Note(user, now, note));
            }
            Map<String, Object> set = new HashMap<>();
            set.put("id", id);
            set.put("status", to.name());
            set.put("assignee", newAssignee);
            set.put("history", AlertJson.write(history));
            set.put("notes", AlertJson.write(notes));
            set.put("now", now);
            return alert(tx.run(UPDATE, set).get(0));
        });
    }

    void delivered(String id, String state) {
        this.db.write(tx -> tx.run(DELIVERED, Map.of("id", id, "state", state)));
    }

    /** Alerts still to be sent to their webhook, oldest first. */
    List<Alert> undelivered() {
        return this.db.query(UNDELIVERED, Map.of(), AlertStore::alert);
    }

    static String cursor(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("alert:" + index).getBytes(StandardCharsets.UTF_8));
    }

    static int offsetAfter(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("alert:")) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(text.substring("alert:".length())) + 1;
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("after", "is not a cursor this API issued; pass a page's endCursor");
        }
    }

    private static Alert alert(Record r) {
        Value a = r.get("a");
        String subject = a.get("subjectEntity").asString(null);
        return new Alert(a.get("id").asString(), a.get("watchId").asString(), a.get("watchName").asString(), a.get("owner").asString(),
                a.get("subject").asString(""), subject == null ? null : AlertJson.JSON.readValue(subject, ChangedEntity.class),
                a.get("summary").asString(), AlertJson.read(strings(a.get("changes")), Change.class),
                AlertJson.read(strings(a.get("evidence")), Alert.Evidence.class), AlertJson.caseSetsOf(strings(a.get("factCases"))),
                AlertStatus.valueOf(a.get("status").asString()), a.get("assignee").asString(null),
                AlertJson.read(strings(a.get("notes")), Alert.Note.class), AlertJson.read(strings(a.get("history")), Alert.StatusChange.class),
                a.get("raisedAt").asZonedDateTime(), a.get("updatedAt").asZonedDateTime(), a.get("delivery").asString(null));
    }

    private static List<String> strings(Value value) {
        return value == null || value.isNull() ? List.of() : value.asList(Value::asString);
    }

}
