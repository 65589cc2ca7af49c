package org.pangeagraph.change;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Which facts of some changes a reader may no longer see: a change records its facts' cases as they were,
 * and an entity or a link may since have been put in a case the reader is not in. A change naming such a
 * fact is left out of the reader's page, as if it had never been recorded; a fact deleted since hides
 * nothing. One read for a page's worth of changes, none for a reader who sees everything.
 */
@Component
class HiddenSince {

    /** The ids, among {@code $entities} and the links in {@code $links}, of the facts the reader may not see now. */
    static final String HIDDEN = CypherTemplate.statement("""
            CALL () {
              UNWIND $entities AS id
              MATCH (e:Entity {id: id}) WHERE NOT visible(e)
              RETURN e.id AS hidden
              UNION
              UNWIND $links AS link
              MATCH (:Entity {id: link.from})-[r]-() WHERE r.id = link.id AND NOT visible(r)
              RETURN r.id AS hidden
            }
            RETURN collect(hidden) AS hidden
            """);

    private final GraphDb db;

    HiddenSince(GraphDb db) {
        this.db = db;
    }

    /** The ids of the entities and links of {@code changes} that {@code reader} may not see now. */
    Set<String> of(List<Change> changes, Visibility reader) {
        if (reader.all() || changes.isEmpty()) {
            return Set.of();
        }
        Set<String> entities = changes.stream().flatMap(c -> c.entities().stream()).map(ChangedEntity::id).filter(Objects::nonNull)
            .collect(Collectors.toCollection(LinkedHashSet::new));
        List<Map<String, Object>> links = changes.stream().filter(c -> c.linkId() != null && c.from() != null && c.from().id() != null)
            .map(c -> Map.<String, Object>of("from", c.from().id(), "id", c.linkId())).distinct().toList();
        Map<String, Object> p = new HashMap<>(reader.parameters());
        p.put("entities", List.copyOf(entities));
        p.put("links", links);
        Record row = this.db.read(tx -> tx.run(HIDDEN, p)).get(0);
        return Set.copyOf(row.get("hidden").asList(v -> v.asString()));
    }

    /** Whether {@code change} names none of the {@code hidden} facts. */
    static boolean shows(Change change, Set<String> hidden) {
        return hidden.isEmpty() || change.entities().stream().noneMatch(e -> e.id() != null && hidden.contains(e.id()))
                && (change.linkId() == null || !hidden.contains(change.linkId()));
    }

}
