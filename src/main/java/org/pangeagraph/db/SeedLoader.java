package org.pangeagraph.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the seed scripts ({@code cypher/seed/*.cypher}, in file-name order) into a store that has
 * never been seeded and holds no entities, then runs the post-import pass. It seeds once per store:
 * a graph emptied later is not filled again.
 */
public final class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final GraphDb db;

    private final String location;

    public SeedLoader(GraphDb db, String location) {
        this.db = db;
        this.location = location;
    }

    /** Seeds if the store is new; returns whether it did. */
    public boolean seedIfNew() {
        boolean fresh = this.db.query("""
                OPTIONAL MATCH (g:PangeaGraph {name: 'graph'})
                RETURN g.seededAt IS NULL AND NOT EXISTS { MATCH (:Entity) } AS fresh
                """, Map.of(), r -> r.get("fresh").asBoolean()).get(0);
        if (!fresh) {
            return false;
        }
        seed();
        return true;
    }

    /** Runs every seed script and the post-import pass, and marks the store as seeded. */
    public void seed() {
        ScriptRunner runner = new ScriptRunner(this.db.driver(), 500, Duration.ofMinutes(10));
        for (Resource script : scripts()) {
            log.info("Loading seed script {}", script.getFilename());
            runner.run(CypherScript.parse(script.getFilename(), read(script)), Map.of(), new ScriptRunner.Tally(),
                    (name, line, tally) -> { });
        }
        new GraphNormaliser(this.db).run();
        this.db.write(tx -> {
            GraphVersion.bump(tx);
            return tx.run("MATCH (g:PangeaGraph {name: 'graph'}) SET g.seededAt = datetime()", Map.of());
        });
    }

    private List<Resource> scripts() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(this.location + "/*.cypher");
            return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Resource resource) {
        try {
            return new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
