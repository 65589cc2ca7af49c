package org.pangeagraph.change;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangeBatch;
import org.pangeagraph.db.changes.ChangeKind;
import org.pangeagraph.db.changes.ChangeStore;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed where no listener sees commits (an external server or cluster, or the embedded
 * database with {@code pangea.embedded.capture-changes=false}): the graph is searched for entities whose
 * {@code updatedAt} or {@code taggedAt} (the time their cases alone last changed) and links whose
 * {@code recordedAt} are newer than the last search, less an overlap for writes committed after later
 * ones, and what was not recorded yet is recorded. It runs at start-up, every
 * {@code pangea.changes.reconcile-every}, and shortly after each write of the application commits, so
 * that the application's own writes reach the feed at once and other writers' within the period.
 *
 * <p>What it cannot see: a deletion (nothing is left to find), a change of a link's provenance (links
 * carry no time of change), a write that stamps no time (a script leaving out {@code updatedAt}; the
 * import command's post-import pass stamps what it completes), and which cases a change of cases added
 * or removed (so the feed tells it only to readers who see every case). Entities are attributed to
 * {@code unknown}, links to their {@code recordedBy}.
 */
class Reconciliation implements GraphDb.TransactionObserver {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** Rows read per statement. */
    private static final int PAGE = 1000;

    /** Changes recorded per run at most; the rest wait for the next. */
    private static final int MAX_PER_RUN = 100_000;

    /** How soon after a write of the application commits it is reconciled. */
    private static final Duration AFTER_COMMIT = Duration.ofMillis(100);

    /** The provenance entry that identifies a reconciled write, so that no write is recorded twice. */
    static final String KEY = "_reconciledKey";

    /**
     * A page of the entities written, or put in or taken out of cases ({@code taggedAt}), between
     * {@code $from} and {@code $until}, oldest first.
     */
    private static final String ENTITIES = """
            CALL () {
              MATCH (n:Entity) WHERE n.updatedAt >= $from AND n.updatedAt <= $until
              RETURN n, n.updatedAt AS at, false AS tagged
              UNION
              MATCH (n:Entity) WHERE n.taggedAt >= $from AND n.taggedAt <= $until
              RETURN n, n.taggedAt AS at, true AS tagged
            }
            RETURN n {.*} AS p, labels(n) AS labels, elementId(n) AS eid, at, tagged
            ORDER BY at, eid, tagged SKIP $skip LIMIT $page
            """;

    private record TypeParts(RelationshipType type) {
    }

    /** A page of the links of one type recorded between {@code $from} and {@code $until}, oldest first, with their ends. */
    private static final CypherTemplate<TypeParts> LINKS = CypherTemplate.of(TypeParts.class, """
            MATCH (a)-[r:{{type}}]->(b)
            WHERE r.recordedAt >= $from AND r.recordedAt <= $until
            RETURN r {.*} AS r, elementId(r) AS rid, a {.*} AS a, labels(a) AS al, elementId(a) AS aid,
                   b {.*} AS b, labels(b) AS bl, elementId(b) AS bid
            ORDER BY r.recordedAt, elementId(r) SKIP $skip LIMIT $page
            """);

    private final GraphDb db;

    private final ChangeStore store;

    private final ChangeFeed feed;

    private final ScheduledExecutorService executor;

    private final Duration overlap;

    /** Writes recorded within the overlap, by key, with their time. */
    private final Map<String, ZonedDateTime> recorded = new HashMap<>();

    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** Set on the thread that reconciles, whose own write (the mark) is no write to reconcile. */
    private static final ThreadLocal<Boolean> RECONCILING = ThreadLocal.withInitial(() -> false);

    private boolean loaded;

    Reconciliation(GraphDb db, ChangeStore store, ChangeFeed feed, ScheduledExecutorService executor, Duration overlap) {
        this.db = db;
        this.store = store;
        this.feed = feed;
        this.executor = executor;
        this.overlap = overlap;
    }

    /** Runs now, then every {@code period}. */
    void start(Duration period) {
        this.executor.scheduleWithFixedDelay(this::runQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void opened(org.neo4j.driver.AccessMode mode) {
    }

    /** A write of the application committed: reconcile shortly (once for a burst of writes). */
    @Override
    public void committed() {
        if (!RECONCILING.get() && this.scheduled.compareAndSet(false, true)) {
            this.executor.schedule(() -> {
                this.scheduled.set(false);
                runQuietly();
            }, AFTER_COMMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runQuietly() {
        RECONCILING.set(true);
        try {
            run();
        }
        catch (RuntimeException ex) {
            log.warn("Reconciling the change feed failed; it runs again at the next period: {}", ex.toString());
        }
        finally {
            RECONCILING.set(false);
        }
    }

    /** One search; returns how many changes it recorded. */
    synchronized int run() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime mark = this.store.reconciledThrough();
        if (mark == null) {
            // A graph never reconciled: its history is not news; follow it from now.
            this.store.append(List.of(), now);
            return 0;
        }
        ZonedDateTime from = mark.minus(this.overlap);
        if (!this.loaded) {
            loadRecorded(from);
            this.loaded = true;
        }
        List<Change> found = new ArrayList<>();
        ZonedDateTime newest = entities(from, now, found);
        for (RelationshipType type : RelationshipType.values()) {
            if (found.size() >= MAX_PER_RUN) {
                break;
            }
            ZonedDateTime linksNewest = links(type, from, now, found);
            newest = linksNewest != null && (newest == null || linksNewest.isAfter(newest)) ? linksNewest : newest;
        }
        boolean complete = found.size() < MAX_PER_RUN;
        ZonedDateTime through = complete ? now : newest;
        List<ChangeBatch> batches = this.store.append(found, through);
        this.recorded.values().removeIf(t -> t.isBefore(through.minus(this.overlap)));
        if (!batches.isEmpty()) {
            this.feed.committed(batches);
        }
        return found.size();
    }

    private ZonedDateTime entities(ZonedDateTime from, ZonedDateTime until, List<Change> found) {
        ZonedDateTime newest = null;
        for (int skip = 0; found.size() < MAX_PER_RUN; skip += PAGE) {
            int offset = skip;
            List<Record> page = this.db.read(tx -> tx.run(ENTITIES, Map.of("from", from, "until", until, "skip", offset, "page", PAGE)));
            for (Record r : page) {
                Map<String, Object> p = r.get("p").asMap();
                NodeKind kind = NodeKind.ofLabels(r.get("labels").asList(Value::asString)).orElse(null);
                ZonedDateTime at = time(r.get("at").asObject());
                boolean tagged = r.get("tagged").asBoolean();
                if (kind == null || at == null) {
                    continue;
                }
                newest = at;
                String key = (tagged ? "cases:" : "entity:") + p.get("id") + "@" + at;
                if (this.recorded.putIfAbsent(key, at) != null) {
                    continue;
                }
                ZonedDateTime created = time(p.get("createdAt"));
                ChangedEntity entity = entity(kind, p, r.get("eid").asString());
                // A change of the cases alone, whose cases before are not known here.
                ChangeKind change = !tagged && created != null && !created.isBefore(at) ? ChangeKind.ENTITY_CREATED : ChangeKind.ENTITY_CHANGED;
                found.add(new Change(0, null, null, "unknown", null, null, change, entity, null, null, null, null, Map.of(KEY, key),
                        tagged ? List.of("cases") : List.of(), nonEmpty(List.of(entity.cases())), null, null));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return newest;
    }

    private ZonedDateTime links(RelationshipType type, ZonedDateTime from, ZonedDateTime until, List<Change> found) {
        ZonedDateTime newest = null;
        String statement = LINKS.text(new TypeParts(type));
        for (int skip = 0; found.size() < MAX_PER_RUN; skip += PAGE) {
            int offset = skip;
            List<Record> page = this.db.read(tx -> tx.run(statement, Map.of("from", from, "until", until, "skip", offset, "page", PAGE)));
            for (Record row : page) {
                Map<String, Object> r = row.get("r").asMap();
                ZonedDateTime recordedAt = time(r.get("recordedAt"));
                NodeKind fromKind = NodeKind.ofLabels(row.get("al").asList(Value::asString)).orElse(null);
                NodeKind toKind = NodeKind.ofLabels(row.get("bl").asList(Value::asString)).orElse(null);
                if (recordedAt == null || fromKind == null || toKind == null) {
                    continue;
                }
                newest = recordedAt;
                String key = "link:" + (r.get("id") != null ? r.get("id") : row.get("rid").asString()) + "@" + recordedAt;
                if (this.recorded.putIfAbsent(key, recordedAt) != null) {
                    continue;
                }
                ChangedEntity a = entity(fromKind, row.get("a").asMap(), row.get("aid").asString());
                ChangedEntity b = entity(toKind, row.get("b").asMap(), row.get("bid").asString());
                Map<String, Object> provenance = new java.util.LinkedHashMap<>();
                for (String name : List.of("source", "grade", "validFrom", "validTo", "recordedAt", "recordedBy", "cases")) {
                    if (r.get(name) != null) {
                        provenance.put(name, plain(r.get(name)));
                    }
                }
                provenance.put(KEY, key);
                String user = r.get("recordedBy") != null ? r.get("recordedBy").toString() : "unknown";
                List<String> cases = strings(r.get("cases"));
                found.add(new Change(0, null, null, user, null, null, ChangeKind.LINK_CREATED, null,
                        r.get("id") == null ? null : r.get("id").toString(), type.name(), a, b, provenance,
                        List.copyOf(new java.util.TreeSet<>(r.keySet())), nonEmpty(List.of(cases, a.cases(), b.cases())),
                        row.get("rid").asString(), null));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return newest;
    }

    /** The writes recorded within the overlap before this start of the application, so that none is recorded again. */
    private void loadRecorded(ZonedDateTime from) {
        long head = this.store.head();
        long cursor = Math.max(0, head - MAX_PER_RUN);
        while (true) {
            List<Change> changes = this.feed.after(cursor, 5000);
            if (changes.isEmpty()) {
                return;
            }
            for (Change change : changes) {
                cursor = change.sequence();
                if (change.provenance().get(KEY) instanceof String key && change.at() != null && !change.at().isBefore(from)) {
                    this.recorded.put(key, change.at());
                }
            }
        }
    }

    private static ChangedEntity entity(NodeKind kind, Map<String, Object> p, String eid) {
        Object key = kind.keyProperty() == null ? null : p.get(kind.keyProperty());
        return new ChangedEntity(p.get("id") == null ? null : p.get("id").toString(), kind.name(),
                key == null ? null : key.toString(), kind.caption(p), strings(p.get("cases")), eid);
    }

    private static ZonedDateTime time(Object value) {
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.atZoneSameInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static Object plain(Object value) {
        return value instanceof java.time.temporal.TemporalAccessor ? value.toString() : value;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<List<String>> nonEmpty(List<List<String>> sets) {
        return sets.stream().filter(s -> !s.isEmpty()).toList();
    }

}
