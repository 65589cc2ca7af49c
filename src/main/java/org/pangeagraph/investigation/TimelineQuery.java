package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.LinkView;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Bounded;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Dated events about some entities, in one statement: the dates on the entities themselves (first and
 * last seen, inspections, an operation's days), the dates on their links (a website moving from one
 * IP address to another shows as one link ending and another starting), takedowns, and the
 * inspections and seizures of a website's parcels. Events are in date order, and those of one day in
 * the order of what they are about (entity, kind, the entity and link involved, by id), never in the
 * order the store holds the links, which links of other cases change.
 */
@Component
class TimelineQuery {

    static final int MAX_IDS = 100;

    /** A timeline longer than this is cut; narrow it with from/to. */
    static final int MAX_EVENTS = 5_000;

    private record Parts(@Bounded(min = 1, max = MAX_EVENTS + 1) int limit) {
    }

    private static final String CYPHER = CypherTemplate.of(Parts.class, """
            UNWIND $ids AS id
            MATCH (e:Entity {id: id}) WHERE visible(e)
            CALL (e) {
              WITH e WHERE e:Website AND e.firstSeen IS NOT NULL
              RETURN e.firstSeen AS date, 'FIRST_SEEN' AS kind, null AS related, null AS link
              UNION ALL
              WITH e WHERE e:Website AND e.lastSeen IS NOT NULL
              RETURN e.lastSeen AS date, 'LAST_SEEN' AS kind, null AS related, null AS link
              UNION ALL
              WITH e WHERE e:Operation AND e.startDate IS NOT NULL
              RETURN e.startDate AS date, 'OPERATION_STARTED' AS kind, null AS related, null AS link
              UNION ALL
              WITH e WHERE e:Operation AND e.endDate IS NOT NULL
              RETURN e.endDate AS date, 'OPERATION_ENDED' AS kind, null AS related, null AS link
              UNION ALL
              WITH e WHERE e:Shipment AND e.inspectedOn IS NOT NULL
              RETURN e.inspectedOn AS date, 'SHIPMENT_INSPECTED' AS kind, null AS related, null AS link
              UNION ALL
              MATCH (e:Shipment)<-[r:SEIZED]-(o:Operation) WHERE visible(r) AND visible(o)
              RETURN coalesce(e.inspectedOn, o.startDate) AS date, 'SHIPMENT_SEIZED' AS kind, o AS related, r AS link
              UNION ALL
              MATCH (e)-[r]-(o:Entity) WHERE r.validFrom IS NOT NULL AND visible(r) AND visible(o)
              RETURN r.validFrom AS date, 'LINK_STARTED' AS kind, o AS related, r AS link
              UNION ALL
              MATCH (e)-[r]-(o:Entity) WHERE r.validTo IS NOT NULL AND visible(r) AND visible(o)
              RETURN r.validTo AS date, 'LINK_ENDED' AS kind, o AS related, r AS link
              UNION ALL
              MATCH (e)-[r:TOOK_DOWN]-(o:Entity) WHERE visible(r) AND visible(o)
              RETURN coalesce(r.date, o.endDate, e.endDate) AS date, 'TAKEN_DOWN' AS kind, o AS related, r AS link
              UNION ALL
              MATCH (e:Website)<-[r:ORDERED_FROM]-(s:Shipment) WHERE s.inspectedOn IS NOT NULL AND visible(r) AND visible(s)
              RETURN s.inspectedOn AS date, 'SHIPMENT_INSPECTED' AS kind, s AS related, r AS link
              UNION ALL
              MATCH (e:Website)<-[r:ORDERED_FROM]-(s:Shipment)<-[z:SEIZED]-(o:Operation) WHERE s.inspectedOn IS NOT NULL
                AND visible(r) AND visible(s) AND visible(z) AND visible(o)
              RETURN s.inspectedOn AS date, 'SHIPMENT_SEIZED' AS kind, s AS related, r AS link
            }
            WITH e, date, kind, related, link
            WHERE date IS :: DATE AND ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to)
            RETURN e {.*, __labels: labels(e)} AS entity, date, kind,
                   CASE WHEN related IS NULL THEN null ELSE related {.*, __labels: labels(related)} END AS related,
                   CASE WHEN link IS NULL THEN null ELSE link {.*, __type: type(link)} END AS link,
                   CASE WHEN link IS NULL THEN null ELSE startNode(link) = e END AS outgoing
            ORDER BY date, entity.id, kind, related.id, link.id
            LIMIT {{limit}}
            """).text(new Parts(MAX_EVENTS));

    /** The first id asked that names no entity the reader may see: a timeline of it is NOT_FOUND. */
    private static final String MISSING = CypherTemplate.statement("""
            UNWIND $ids AS id
            OPTIONAL MATCH (e:Entity {id: id}) WHERE visible(e)
            WITH id, e WHERE e IS NULL
            RETURN id
            LIMIT 1
            """);

    private final GraphDb db;

    TimelineQuery(GraphDb db) {
        this.db = db;
    }

    /** An event of a timeline. */
    record Event(LocalDate date, String kind, Node entity, Node related, LinkView link, String description) {
    }

    List<Event> events(List<String> ids, LocalDate from, LocalDate to, Visibility visibility) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "must name at least one entity");
        }
        LimitExceededException.bounded("ids", ids.size(), MAX_IDS);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "is before from");
        }
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("ids", ids);
        params.put("from", from);
        params.put("to", to);
        List<List<Record>> results = this.db.read(tx -> List.of(tx.run(MISSING, params), tx.run(CYPHER, params)));
        if (!results.get(0).isEmpty()) {
            throw new NotFoundException("ids", "entity with id " + results.get(0).get(0).get("id").asString());
        }
        return results.get(1).stream().map(TimelineQuery::event).toList();
    }

    private static Event event(Record r) {
        Node entity = SharedInfrastructureQuery.node(r.get("entity"));
        Node related = r.get("related").isNull() ? null : SharedInfrastructureQuery.node(r.get("related"));
        LinkView link = r.get("link").isNull() ? null : link(r.get("link"));
        String kind = r.get("kind").asString();
        boolean outgoing = !r.get("outgoing").isNull() && r.get("outgoing").asBoolean();
        return new Event(r.get("date").asLocalDate(), kind, entity, related, link, describe(kind, entity, related, link, outgoing));
    }

    private static LinkView link(Value value) {
        Map<String, Object> props = new HashMap<>(value.asMap());
        return new LinkView(RelationshipType.valueOf((String) props.remove("__type")), props);
    }

    static String describe(String kind, Node entity, Node related, LinkView link, boolean outgoing) {
        String subject = entity.caption();
        String other = related == null ? "" : related.caption();
        String via = link == null ? "" : " (" + link.type() + (link.get("source") == null ? "" : ", source " + link.get("source")) + ")";
        return switch (kind) {
            case "FIRST_SEEN" -> subject + " first seen online";
            case "LAST_SEEN" -> subject + " last seen online";
            case "OPERATION_STARTED" -> subject + " started";
            case "OPERATION_ENDED" -> subject + " ended";
            case "LINK_STARTED" -> (outgoing ? subject + " -> " + other : other + " -> " + subject) + " began" + via;
            case "LINK_ENDED" -> (outgoing ? subject + " -> " + other : other + " -> " + subject) + " ended" + via;
            case "TAKEN_DOWN" -> (outgoing ? subject + " took down " + other : subject + " taken down by " + other) + via;
            case "SHIPMENT_INSPECTED" -> related == null ? "parcel " + subject + " inspected"
                    : "parcel " + other + " ordered from " + subject + " inspected";
            case "SHIPMENT_SEIZED" -> related != null && related.kind() == org.pangeagraph.model.NodeKind.SHIPMENT
                    ? "parcel " + other + " ordered from " + subject + " seized"
                    : "parcel " + subject + " seized by " + other;
            default -> kind;
        };
    }

}
