package org.pangeagraph.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.EntityReader;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.Projection;
import org.pangeagraph.projection.ProjectionReader;
import org.pangeagraph.projection.Projections;
import org.springframework.stereotype.Component;

/**
 * What taking some entities down would do, judged on the links that hold today. Payment, hosting and
 * courier losses are found in the database, starting from the entities taken down; the networks that
 * would fall apart are found by detecting networks again on the projection without them.
 */
@Component
class TakedownImpact {

    static final int MAX_IDS = 100;

    /** The most entities a list of the answer holds; the counts are complete. */
    static final int MAX_LISTED = 1_000;

    private static final String REMOVED = CypherTemplate.statement("""
            UNWIND $removed AS id
            MATCH (n:Entity {id: id}) WHERE visible(n)
            RETURN n {.*} AS props, labels(n) AS labels
            """);

    private static final String WITHOUT_PAYMENT = CypherTemplate.statement("""
            UNWIND $removed AS rid
            MATCH (:Entity:PaymentAccount {id: rid})<-[r:ACCEPTS_PAYMENT_TO]-(w:Website)
            WHERE NOT w.id IN $removed AND visible(r) AND validOn(r) AND visible(w)
            WITH DISTINCT w
            WHERE NOT EXISTS {
              MATCH (w)-[q:ACCEPTS_PAYMENT_TO]->(a:PaymentAccount) WHERE NOT a.id IN $removed AND visible(q) AND validOn(q) AND visible(a)
            }
            RETURN w {.*} AS props ORDER BY w.domain
            """);

    private static final String WITHOUT_HOSTING = CypherTemplate.statement("""
            CALL () {
              UNWIND $removed AS rid
              MATCH (:Entity:IpAddress {id: rid})<-[r:HOSTED_AT]-(w:Website) WHERE visible(r) AND validOn(r) RETURN w
              UNION
              UNWIND $removed AS rid
              MATCH (:Entity:HostingProvider {id: rid})<-[q:ALLOCATED_TO]-(ip:IpAddress)<-[r:HOSTED_AT]-(w:Website)
              WHERE visible(r) AND validOn(r) AND visible(q) AND validOn(q) AND visible(ip) RETURN w
            }
            WITH w WHERE NOT w.id IN $removed AND visible(w)
            MATCH (w)-[r:HOSTED_AT]->(ip:IpAddress) WHERE visible(r) AND validOn(r) AND visible(ip)
            WITH w, ip.id IN $removed
                 OR (EXISTS { MATCH (ip)-[q:ALLOCATED_TO]->(p:HostingProvider) WHERE visible(q) AND validOn(q) AND visible(p) }
                     AND NOT EXISTS { MATCH (ip)-[q:ALLOCATED_TO]->(p:HostingProvider) WHERE NOT p.id IN $removed AND visible(q) AND validOn(q) AND visible(p) })
                 AS gone
            WITH w, collect(gone) AS ips
            WHERE all(g IN ips WHERE g)
            RETURN w {.*} AS props ORDER BY w.domain
            """);

    private static final String SHIPMENTS_CUT = CypherTemplate.statement("""
            UNWIND $removed AS rid
            MATCH (:Entity:Courier {id: rid})<-[r:CARRIED_BY]-(s:Shipment)
            WHERE visible(r) AND validOn(r) AND visible(s)
            RETURN DISTINCT s {.*} AS props ORDER BY props.trackingNumber
            """);

    private final GraphDb db;

    private final Projections projections;

    private final CriminalNetworks networks;

    private final NetworkDetails details;

    private final ProjectionReader reader;

    TakedownImpact(GraphDb db, Projections projections, CriminalNetworks networks, NetworkDetails details,
            ProjectionReader reader) {
        this.db = db;
        this.reader = reader;
        this.projections = projections;
        this.networks = networks;
        this.details = details;
    }

    /** The answer. */
    record Impact(List<Node> removed, List<Node> websitesWithoutPayment, int websitesWithoutPaymentCount,
            List<Node> websitesWithoutHosting, int websitesWithoutHostingCount, List<NetworkSplit> networksSplit,
            List<Node> shipmentsCut, int shipmentsCutCount) {
    }

    /** A network a takedown would break up, and its parts. */
    record NetworkSplit(NetworkDetails.CriminalNetwork before, List<List<Node>> after) {
    }

    Impact assess(List<String> ids, Visibility visibility) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "must name at least one entity");
        }
        LimitExceededException.bounded("ids", ids.size(), MAX_IDS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("removed", List.copyOf(new java.util.LinkedHashSet<>(ids)));
        params.put("asOf", today);
        List<List<Record>> results = this.db.read(tx -> List.of(tx.run(REMOVED, params), tx.run(WITHOUT_PAYMENT, params),
                tx.run(WITHOUT_HOSTING, params), tx.run(SHIPMENTS_CUT, params)));
        Map<String, Node> removed = new LinkedHashMap<>();
        results.get(0).forEach(r -> {
            Node node = EntityReader.node(r);
            removed.put(node.id(), node);
        });
        for (String id : ids) {
            if (!removed.containsKey(id)) {
                throw new NotFoundException("ids", "entity with id " + id);
            }
        }
        List<Node> withoutPayment = websites(results.get(1));
        List<Node> withoutHosting = websites(results.get(2));
        List<Node> shipments = results.get(3).stream().map(r -> new Node(NodeKind.SHIPMENT, r.get("props").asMap())).toList();
        return new Impact(List.copyOf(removed.values()), capped(withoutPayment), withoutPayment.size(), capped(withoutHosting),
                withoutHosting.size(), splits(removed.keySet(), today, visibility), capped(shipments), shipments.size());
    }

    private List<NetworkSplit> splits(Set<String> removedIds, LocalDate today, Visibility visibility) {
        Projection.Key key = this.projections.key(visibility, today);
        Projection projection = this.projections.projection(key);
        CriminalNetworks.Criteria criteria = CriminalNetworks.Criteria.of(null, null, null, today);
        NetworkDetection.Result before = this.networks.detect(key, criteria);
        // Read afresh without the entities taken down, so that routes through them (a holder reached
        // through a seized account, a provider through a seized IP) are gone too.
        Projection without = this.reader.read(visibility, today, removedIds);
        NetworkDetection.Result after = NetworkDetection.detect(without, criteria.kinds(), criteria.minLinkScore(),
                criteria.minWebsites());
        List<NetworkDetection.Network> broken = new ArrayList<>();
        List<List<List<String>>> parts = new ArrayList<>();
        for (NetworkDetection.Network network : before.networks()) {
            Map<Integer, List<String>> groups = new LinkedHashMap<>();
            for (int website : network.websites()) {
                String id = projection.websiteIds().get(website);
                Integer remaining = without.index().get(id);
                if (remaining != null) {
                    groups.computeIfAbsent(after.groupOfWebsite()[remaining], g -> new ArrayList<>()).add(id);
                }
            }
            if (groups.size() != 1) {
                broken.add(network);
                List<List<String>> sorted = new ArrayList<>(groups.values());
                sorted.sort(java.util.Comparator.comparingInt((List<String> g) -> -g.size())
                    .thenComparing(g -> projection.domains().get(projection.index().get(g.get(0)))));
                parts.add(sorted);
            }
        }
        if (broken.isEmpty()) {
            return List.of();
        }
        List<NetworkDetails.CriminalNetwork> described = this.details.describe(projection, broken, visibility);
        List<NetworkSplit> splits = new ArrayList<>();
        for (int i = 0; i < broken.size(); i++) {
            Map<String, Node> byId = new HashMap<>();
            described.get(i).websites().forEach(w -> byId.put(w.id(), w));
            List<List<Node>> groups = parts.get(i).stream().map(group -> group.stream().map(byId::get).toList()).toList();
            splits.add(new NetworkSplit(described.get(i), groups));
        }
        return splits;
    }

    private static List<Node> websites(List<Record> records) {
        return records.stream().map(r -> new Node(NodeKind.WEBSITE, r.get("props").asMap())).toList();
    }

    private static List<Node> capped(List<Node> nodes) {
        return nodes.size() <= MAX_LISTED ? nodes : nodes.subList(0, MAX_LISTED);
    }

}
