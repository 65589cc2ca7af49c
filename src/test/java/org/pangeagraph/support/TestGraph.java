package org.pangeagraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Order;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.pangeagraph.db.CommitPoints;
import org.pangeagraph.db.CypherScript;
import org.pangeagraph.db.BackgroundThreads;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphNormaliser;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.db.ScriptRunner;
import org.pangeagraph.db.SeedLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The graph under test: empties it, loads {@code .cypher} fixtures from {@code src/test/resources/fixtures}
 * (through the same runner and post-import pass as the import command), and reads it back directly,
 * so that tests check the database itself and not only what the API says about it. A test starts with
 * {@link #startWith}: its fixtures, loaded once for as long as the tests that use them only read.
 */
public class TestGraph {

    /**
     * The {@code @Order} of a test that writes, in a class whose tests run by {@code @Order}: after the
     * tests that only read, so that those share one load of the fixtures.
     */
    public static final int WRITES = Order.DEFAULT + 1;

    private final GraphDb db;

    /** The statements run on the application's background threads ({@link BackgroundThreads}) since this was made. */
    private final LongAdder backgroundStatements = new LongAdder();

    /** The write transactions opened on the application's background threads since this was made. */
    private final LongAdder backgroundWrites = new LongAdder();

    /** The texts of the statements run in the background while {@link #plansOf} counts, or null. */
    private volatile Set<String> backgroundTexts;

    private volatile Loaded loaded;

    TestGraph(GraphDb db) {
        this.db = db;
        db.addObserver(new GraphDb.TransactionObserver() {
            @Override
            public void opened(AccessMode mode) {
                if (mode == AccessMode.WRITE && inBackground()) {
                    TestGraph.this.backgroundWrites.increment();
                }
            }

            @Override
            public void ran(String cypher, Map<String, Object> parameters) {
                if (inBackground()) {
                    TestGraph.this.backgroundStatements.increment();
                    Set<String> texts = TestGraph.this.backgroundTexts;
                    if (texts != null) {
                        texts.add(cypher);
                    }
                }
            }
        });
    }

    /** Whether this thread does the application's work in the background, not a request's or a test's. */
    public static boolean inBackground() {
        return BackgroundThreads.current();
    }

    /** Whether the thread of this name does the application's work in the background. */
    public static boolean isBackground(String threadName) {
        return BackgroundThreads.isBackground(threadName);
    }

    /** The graph of an application a test started itself ({@link StartedApplication}). */
    public static TestGraph of(StartedApplication application) {
        return new TestGraph(application.context().getBean(GraphDb.class));
    }

    /**
     * Makes the graph hold these fixtures and nothing else, as {@link #reset()} then {@link #load} do. When
     * it holds these very fixtures already, as they were loaded, and no transaction has committed on the
     * database since but the application's own in the background (the tests before only read), it is left
     * as it is: tests that only read share one load, and a test that writes, through the API, over Bolt or
     * in the process, makes the next one load afresh. Where the database is not in this process (a
     * container), they are loaded every time.
     */
    public void startWith(String... fixtures) {
        startWith(List.of(fixtures), () -> load(fixtures));
    }

    /**
     * As {@link #startWith}, with the seed the application loads into a new store (Operation Pangea II and
     * the sample networks, {@code cypher/seed/}) in place of fixtures.
     */
    public void startWithTheSeed() {
        startWith(List.of("the seed of cypher/seed/"), () -> {
            if (!new SeedLoader(this.db, "classpath:cypher/seed").seedIfNew()) {
                throw new AssertionError("An emptied graph was not seeded as a new store");
            }
        });
    }

    private void startWith(List<String> content, Runnable loadIntoEmptyGraph) {
        Loaded last = this.loaded;
        // Every transaction committed since is one of the background's writes: the graph holds what was loaded.
        // One committed otherwise, or a background write opened but not committed yet (or rolled back), loads
        // it again.
        if (last != null && last.content().equals(content)
                && CommitPoints.committedSince(this.db, last.after()) == this.backgroundWrites.sum() - last.backgroundWrites()) {
            return;
        }
        this.loaded = null;
        reset();
        loadIntoEmptyGraph.run();
        Object after = CommitPoints.now(this.db);
        long background = this.backgroundWrites.sum();
        this.loaded = after == null ? null : new Loaded(content, after, background);
    }

    /**
     * What {@link #startWith} loaded last, the database's commit point right after, and how many background
     * writes had been opened then.
     */
    private record Loaded(List<String> content, Object after, long backgroundWrites) {
    }

    /**
     * Labels of the application's bookkeeping, not of the graph a test looks at: the change feed, which
     * records every write (the reset's own deletions too), and how far the alert matcher has read it, which
     * it records on its own thread some time after the writes.
     */
    public static final String BOOKKEEPING = "n:SchemaMigration OR n:PangeaGraph OR n:ChangeFeed OR n:ChangeBatch OR n:AlertMatcher";

    /**
     * Removes every entity and link; the schema and its migration history stay. The change feed records the
     * deletions; a second pass removes that record too, which records nothing more (it is no entity).
     */
    public void reset() {
        for (int pass = 0; pass < 2; pass++) {
            this.db.autoCommit("MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
                    Map.of(), Duration.ofMinutes(5));
        }
    }

    /**
     * Clears Neo4j's query caches; how many statements they held (each text with each combination of its
     * parameters' types that the cache told apart).
     */
    public long clearQueryCaches() {
        String answer = read("CALL db.clearQueryCaches() YIELD value RETURN value", Map.of()).get(0).get("value").asString();
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+)").matcher(answer);
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    /**
     * How many statements {@code requests} leave in Neo4j's query caches: run once first (what a first
     * request runs once, signing in, is not counted), then counted from empty caches until one count has come
     * three times (at most nine counts; then the most frequent). The application's background work goes on
     * meanwhile (the alert matcher reads the change feed several times a second here): each statement it ran
     * during a count was planned again after the caches were emptied, so each of its texts is taken off that
     * count. One that ran across the start or the end of a count makes that count one too many or one too
     * few, and after a busy test class that can happen to two counts in three; the count that comes again
     * and again is the one without it.
     */
    public long plansOf(Runnable requests) {
        requests.run();
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            Set<String> background = ConcurrentHashMap.newKeySet();
            this.backgroundTexts = background;
            clearQueryCaches();
            requests.run();
            long count = clearQueryCaches() - background.size();
            this.backgroundTexts = null;
            if (seen.merge(count, 1, Integer::sum) == 3) {
                return count;
            }
        }
        return seen.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .orElseThrow().getKey();
    }

    /** Loads fixtures by name, e.g. {@code "two-networks"} for {@code fixtures/two-networks.cypher}. */
    public void load(String... fixtures) {
        ScriptRunner runner = new ScriptRunner(this.db.driver(), 1000, Duration.ofMinutes(5));
        for (String fixture : fixtures) {
            String path = "fixtures/" + fixture + ".cypher";
            try {
                String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
                runner.run(CypherScript.parse(path, text), Map.of(), new ScriptRunner.Tally(), (s, l, t) -> { });
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        new GraphNormaliser(this.db).run();
        // As after any import: cached analytics must not outlive the graph they were computed on.
        new GraphVersion(this.db).bump();
    }

    /** Runs a read statement and returns its records. */
    public List<Record> read(String cypher, Map<String, Object> parameters) {
        return this.db.read(tx -> tx.run(cypher, parameters));
    }

    /** Runs a write statement. */
    public void write(String cypher, Map<String, Object> parameters) {
        this.db.write(tx -> tx.run(cypher, parameters));
    }

    /** A single number, e.g. {@code count("MATCH (n:Website) RETURN count(n)")}. */
    public long count(String cypher) {
        return read(cypher, Map.of()).get(0).get(0).asLong();
    }

    /**
     * Every node and relationship with all properties, for checking that a failed write changed nothing.
     * The graph version is left out with the schema history: it counts writes, and an import counts as
     * one even when it wrote what the graph held already. So is the rest of the application's bookkeeping
     * ({@link #BOOKKEEPING}): the change feed records writes, it is not what they wrote.
     */
    public String snapshot() {
        List<Record> nodes = read("MATCH (n) WHERE NOT (" + BOOKKEEPING + ") RETURN n {.*, labels: labels(n)} AS node "
                + "ORDER BY n.id, elementId(n)", Map.of());
        List<Record> rels = read("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, r {.*} AS r ORDER BY t, a, b, r.id", Map.of());
        return nodes.stream().map(r -> r.get("node").asMap().toString()).toList() + "\n"
                + rels.stream().map(r -> r.get("t").asString() + r.get("a") + r.get("b") + r.get("r").asMap()).toList();
    }

    /**
     * How many statements the application has sent to the database so far, but for those of its work in
     * the background ({@link BackgroundThreads}), which may send statements at any moment: what a test counts
     * around a request is then what the request sent.
     */
    public long statementsRun() {
        return this.db.statementsRun() - this.backgroundStatements.sum();
    }

    public GraphDb db() {
        return this.db;
    }

}
