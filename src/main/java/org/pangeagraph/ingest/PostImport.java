package org.pangeagraph.ingest;

import java.io.PrintStream;
import java.util.Set;

import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphNormaliser;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.RelationshipType;

/**
 * What every import ends with, for whatever it wrote: the post-import pass, its report, and a new graph
 * version. Makes what was written as usable as data written through the API, and invalidates cached
 * analytics: whether an import changed anything cannot be told (Neo4j counts a property set to its own
 * value as set), nor whether the pass completed entities written by cypher-shell.
 */
final class PostImport {

    private PostImport() {
    }

    /** Runs the pass after scripts, and reports it. */
    static void run(GraphDb db, PrintStream out, PrintStream err) {
        report(db, new GraphNormaliser(db).run(), out, err);
    }

    /**
     * Runs the pass after a first load into a new store, whose every key is checked, and reports it.
     *
     * @param incompleteLinks the types of link the load may have left without an id, {@code recordedAt} or {@code linkKey}
     */
    static void runOnNewStore(GraphDb db, Set<RelationshipType> incompleteLinks, PrintStream out, PrintStream err) {
        report(db, new GraphNormaliser(db).runOnNewStore(incompleteLinks), out, err);
    }

    private static void report(GraphDb db, GraphNormaliser.Result pass, PrintStream out, PrintStream err) {
        out.println("Post-import pass: ids and timestamps given where missing; keys put in normal form: " + pass.keysNormalised()
                + "; problems: " + pass.problems().size());
        if (pass.collisions() > 0) {
            out.println("Post-import pass: " + pass.collisions() + (pass.collisions() == 1 ? " entity" : " entities")
                    + " left as written beside another of the same key in normal form; each pair is proposed as a resolution"
                    + " candidate of score 1.0 (resolutionCandidates, resolutionCandidatesFor) for an investigator to judge");
        }
        pass.problems().forEach(problem -> err.println("Post-import pass: " + problem));
        GraphVersion version = new GraphVersion(db);
        version.bump();
        out.println("Graph version is now " + version.current() + "; cached analytics will be recomputed");
    }

}
