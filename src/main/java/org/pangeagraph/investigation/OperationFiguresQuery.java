package org.pangeagraph.investigation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * What the graph holds about operations, counted in one statement for a whole list of them, to set
 * beside the figures each operation reported.
 */
@Component
class OperationFiguresQuery {

    private static final String CYPHER = CypherTemplate.statement("""
            UNWIND $ids AS id
            MATCH (o:Entity:Operation {id: id})
            RETURN o.id AS id,
              size(COLLECT {
                MATCH (o)-[r:TOOK_DOWN]->(w:Website) WHERE visible(r) AND visible(w) RETURN w
                UNION
                MATCH (o)-[r:INSPECTED|SEIZED]->(s:Shipment)-[q:ORDERED_FROM]->(w:Website)
                WHERE visible(r) AND visible(s) AND visible(q) AND visible(w) RETURN w
              }) AS websitesLinked,
              COUNT { (o)-[r:TOOK_DOWN]->(w:Website) WHERE visible(r) AND visible(w) } AS websitesTakenDown,
              COUNT { (o)-[r:INSPECTED]->(s:Shipment) WHERE visible(r) AND visible(s) } AS shipmentsInspected,
              COUNT { (o)-[r:SEIZED]->(s:Shipment) WHERE visible(r) AND visible(s) } AS shipmentsSeized,
              COUNT { (o)-[r:INVESTIGATES]->(p:Person) WHERE visible(r) AND visible(p) } AS peopleUnderInvestigation,
              COUNT { (o)<-[r:PARTICIPATED_IN]-(c:Country) WHERE visible(r) AND visible(c) } AS participatingCountries,
              reduce(total = 0, pills IN COLLECT {
                MATCH (o)-[r:SEIZED]->(s:Shipment) WHERE visible(r) AND visible(s)
                RETURN coalesce(s.pillCount, reduce(q = 0, n IN COLLECT {
                  MATCH (s)-[c:CONTAINED]->(p:Product) WHERE visible(c) AND visible(p) RETURN coalesce(c.quantity, 0)
                } | q + n))
              } | total + pills) AS pillsSeized
            """);

    private final GraphDb db;

    OperationFiguresQuery(GraphDb db) {
        this.db = db;
    }

    /** The graph's figures for one operation. */
    record Figures(int websitesTakenDown, int websitesLinked, int shipmentsInspected, int shipmentsSeized, int pillsSeized,
            int peopleUnderInvestigation, int participatingCountries) {
    }

    Map<String, Figures> figures(List<String> operationIds, Visibility visibility) {
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("ids", operationIds);
        Map<String, Figures> byId = new HashMap<>();
        for (Record r : this.db.read(tx -> tx.run(CYPHER, params))) {
            byId.put(r.get("id").asString(), new Figures(r.get("websitesTakenDown").asInt(), r.get("websitesLinked").asInt(),
                    r.get("shipmentsInspected").asInt(), r.get("shipmentsSeized").asInt(), r.get("pillsSeized").asInt(),
                    r.get("peopleUnderInvestigation").asInt(), r.get("participatingCountries").asInt()));
        }
        return byId;
    }

}
