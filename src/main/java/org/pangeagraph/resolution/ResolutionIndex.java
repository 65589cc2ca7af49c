package org.pangeagraph.resolution;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphNormaliser;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.NodeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The candidate index of the graph, kept up to date incrementally: when a resolution query finds the
 * graph version moved (every write and import moves it), only the entities written since the last pass
 * are read ({@code updatedAt} from a little before the newest seen, through its index) and blocked
 * against those kept. The whole graph is read at the first query, when the graph's epoch changes
 * (emptied or restored), and when the number of entities of a scored kind (from Neo4j's count store)
 * disagrees with the index's after a pass: an import whose statement clock stamped entities earlier than
 * the newest seen, or a deletion, then cannot leave the index behind.
 */
@Component
class ResolutionIndex {

    private static final Logger log = LoggerFactory.getLogger(ResolutionIndex.class);

    /**
     * How far before the newest {@code updatedAt} seen a pass reads again: a transaction stamps its writes
     * when it begins and may commit after a pass has read past them. Longer than the API's transactions.
     */
    static final Duration OVERLAP = Duration.ofSeconds(30);

    /** Reading the whole graph is not an API request: it has the time analytics are given. */
    static final Duration FULL_READ_TIMEOUT = Duration.ofMinutes(2);

    private final GraphDb db;

    /** The application's database, to tell whether a mutation's transaction is joined on this thread. */
    private final GraphDb operations;

    private final GraphVersion version;

    private final CandidateIndex index = new CandidateIndex(CandidateIndex.standardResolvers());

    private String seenVersion;

    private ZonedDateTime newest;

    private long fullReads;

    ResolutionIndex(GraphDb db, GraphVersion version) {
        this.db = db.withTimeout(FULL_READ_TIMEOUT);
        this.operations = db;
        this.version = version;
    }

    /**
     * The index on the graph as it is now. Inside a mutation's transaction, whose writes may yet be rolled
     * back, the index as the last committed pass left it.
     */
    synchronized CandidateIndex current() {
        if (this.operations.inOperation()) {
            return this.index;
        }
        String now = this.version.current();
        if (now.equals(this.seenVersion)) {
            return this.index;
        }
        if (this.seenVersion == null || !epoch(now).equals(epoch(this.seenVersion)) || this.newest == null) {
            readAll();
        }
        else {
            readSince(this.newest.minus(OVERLAP));
            if (!countsAgree()) {
                log.info("The candidate index missed entities; reading the whole graph again");
                readAll();
            }
        }
        this.seenVersion = now;
        return this.index;
    }

    /** How many times the whole graph was read, for tests that check passes are incremental. */
    synchronized long fullReads() {
        return this.fullReads;
    }

    private record KindParts(NodeKind kind) {
    }

    /** Every entity of a scored kind, its stored values and labels. */
    private static final CypherTemplate<KindParts> EVERY = CypherTemplate.of(KindParts.class, """
            MATCH (n:{{kind}}) WHERE n.id IS NOT NULL
            RETURN n {.*} AS values, labels(n) AS labels
            """);

    /** Every entity an import left as written because its key in normal form was another's ({@link GraphNormaliser#KEY_COLLISION}). */
    static final String COLLIDED = CypherTemplate.statement("""
            MATCH (n:Entity) WHERE n._keyCollision IS NOT NULL
            RETURN n {.*} AS values, labels(n) AS labels
            """);

    /** The entities written since {@code $since}. */
    private static final String SINCE = CypherTemplate.statement("""
            MATCH (n:Entity) WHERE n.updatedAt >= $since
            RETURN n {.*} AS values, labels(n) AS labels
            """);

    /** How many entities of a kind the graph has (from the count store). */
    private static final CypherTemplate<KindParts> COUNT = CypherTemplate.of(KindParts.class, """
            MATCH (n:{{kind}}) RETURN count(n) AS n
            """);

    private void readAll() {
        this.index.clear();
        this.newest = null;
        this.fullReads++;
        for (NodeKind kind : this.index.scoredKinds()) {
            read(EVERY.text(new KindParts(kind)), Map.of());
        }
        read(COLLIDED, Map.of());
    }

    private void readSince(ZonedDateTime since) {
        read(SINCE, Map.of("since", since));
    }

    private void read(String cypher, Map<String, Object> parameters) {
        this.db.read(tx -> {
            tx.forEach(cypher, parameters, this::put);
            return null;
        });
    }

    private void put(Record record) {
        NodeKind kind = NodeKind.ofLabels(record.get("labels").asList(Value::asString)).orElse(null);
        Map<String, Object> stored = record.get("values").asMap();
        if (kind == null || !(stored.get("id") instanceof String)) {
            return;
        }
        if (stored.get("updatedAt") instanceof ZonedDateTime updated && (this.newest == null || updated.isAfter(this.newest))) {
            this.newest = updated;
        }
        Profile profile = profile(kind, stored);
        if (profile != null) {
            this.index.put(profile);
        }
    }

    /**
     * What the index keeps of an entity with these stored properties: null for one of a kind without a
     * scorer that the import did not leave as written.
     */
    Profile profile(NodeKind kind, Map<String, Object> stored) {
        String collidesWith = stored.get(GraphNormaliser.KEY_COLLISION) instanceof String other ? other : null;
        KindResolver<?> resolver = this.index.resolver(kind);
        if (resolver == null && collidesWith == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        List<String> wanted = new ArrayList<>(resolver == null ? List.of() : resolver.properties());
        if (kind.hasKey()) {
            wanted.add(kind.keyProperty());
            wanted.add(kind.keyInput());
        }
        for (String property : wanted) {
            if (stored.get(property) != null) {
                values.put(property, stored.get(property));
            }
        }
        return this.index.profile((String) stored.get("id"), kind, values, collidesWith);
    }

    /** The score of two entities on their stored values, or null when they are not compared. */
    Scored score(NodeKind kind, Map<String, Object> a, Map<String, Object> b) {
        Profile x = profile(kind, a);
        Profile y = profile(kind, b);
        return x == null || y == null ? null : this.index.score(x, y);
    }

    /** Whether the index holds as many entities of each scored kind as the graph (counts from the count store). */
    private boolean countsAgree() {
        return this.db.read(tx -> this.index.scoredKinds().stream()
            .allMatch(kind -> tx.run(COUNT.text(new KindParts(kind)), Map.of()).get(0).get("n").asLong() == this.index.count(kind)));
    }

    private static String epoch(String graphVersion) {
        return graphVersion.substring(0, Math.max(0, graphVersion.lastIndexOf(':')));
    }

}
