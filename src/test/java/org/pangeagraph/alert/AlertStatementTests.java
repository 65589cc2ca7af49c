package org.pangeagraph.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.RelationshipType;

/**
 * The alerts' statements as they run, written out here whole with their predicates expanded: what an
 * operator sees in the statement log ({@code org.pangeagraph.cypher} at DEBUG) and can paste into Neo4j
 * Browser. An alert is read only where the reader sees every fact it shows; evidence only as the watch's
 * owner sees the graph.
 */
class AlertStatementTests {

    @Test
    void aPageOfAlertsHoldsThoseTheReaderOwnsOrIsAssignedAndSeesEveryFactOf() {
        assertThat(AlertStore.PAGE).isEqualTo("""
                CALL () {
                  MATCH (a:Alert {owner: $user}) RETURN a
                  UNION
                  MATCH (a:Alert {assignee: $user}) RETURN a
                }
                WITH a WHERE ($statuses IS NULL OR a.status IN $statuses) \
                AND (all(s IN coalesce(a.factCases, []) WHERE $seeAll OR any(c IN split(s, $separator) WHERE c IN $caller.myCases)) \
                AND ($seeAll OR (\
                NOT EXISTS { MATCH (shownEntity:Entity) WHERE shownEntity.id IN coalesce(a.factIds, []) \
                AND NOT ($seeAll OR coalesce(size(shownEntity.cases), 0) = 0 OR any(c IN shownEntity.cases WHERE c IN $caller.myCases)) } \
                AND NOT EXISTS { UNWIND coalesce(a.factLinks, []) AS shownLink \
                MATCH (:Entity {id: split(shownLink, $separator)[0]})-[shownFact]-() WHERE shownFact.id = split(shownLink, $separator)[1] \
                AND NOT ($seeAll OR coalesce(size(shownFact.cases), 0) = 0 OR any(c IN shownFact.cases WHERE c IN $caller.myCases)) })))
                RETURN a {.*} AS a ORDER BY a.raisedAt DESC, a.id SKIP $offset LIMIT $limit
                """);
    }

    @Test
    void otherRoutesOfTwoLinksStartAtTheWebsiteByItsIdIndexAndPassOnlyWhatTheOwnerSees() {
        assertThat(Evidence.OTHER_ROUTES.text(new Evidence.RouteParts(RelationshipType.HOSTED_AT, RelationshipType.ALLOCATED_TO)))
            .isEqualTo("""
                    CALL () {
                      MATCH (w:Website:Entity {id: $w})-[r:HOSTED_AT]-(m:Entity)-[s:ALLOCATED_TO]-(i:Entity {id: $i})
                      USING INDEX w:Entity(id)
                      WHERE NOT elementId(r) IN $links AND NOT elementId(s) IN $links \
                    AND ($seeAll OR coalesce(size(r.cases), 0) = 0 OR any(c IN r.cases WHERE c IN $caller.myCases)) \
                    AND ($seeAll OR coalesce(size(s.cases), 0) = 0 OR any(c IN s.cases WHERE c IN $caller.myCases)) \
                    AND ($seeAll OR coalesce(size(m.cases), 0) = 0 OR any(c IN m.cases WHERE c IN $caller.myCases))
                      RETURN 1 AS one LIMIT 2
                    }
                    RETURN count(one) AS n
                    """);
    }

    @Test
    void theNeighboursOfAWatchedEntityAreReadThroughLinksTheOwnerSeesToEntitiesTheOwnerSees() {
        assertThat(Evidence.NEIGHBOURS)
            .startsWith("""
                    MATCH (a:Entity {id: $id})-[r]-(b:Entity)
                    WHERE (size($types) = 0 OR type(r) IN $types) \
                    AND ($seeAll OR coalesce(size(a.cases), 0) = 0 OR any(c IN a.cases WHERE c IN $caller.myCases)) \
                    AND ($seeAll OR coalesce(size(r.cases), 0) = 0 OR any(c IN r.cases WHERE c IN $caller.myCases)) \
                    AND ($seeAll OR coalesce(size(b.cases), 0) = 0 OR any(c IN b.cases WHERE c IN $caller.myCases))
                    """)
            .endsWith("LIMIT $limit\n");
    }

}
