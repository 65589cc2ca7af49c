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
import org.pangeagraph.projection.SameAsClusters;
import org.pangeagraph.projection.SameAsStep;
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

    /**
     * With {@code resolve: true}, which of these websites keep a payment account that is not taken down:
     * a website left without one stays served while another website of its cluster is.
     */
    private static final String STILL_PAYING = CypherTemplate.statement("""
            UNWIND $ids AS id
            MATCH (w:Entity:Website {id: id}) WHERE visible(w)
              AND EXISTS { MATCH (w)-[q:ACCEPTS_PAYMENT_TO]->(a:PaymentAccount) WHERE NOT a.id IN $removed AND visible(q) AND validOn(q) AND visible(a) }
            RETURN w.id AS id
            """);

    /** With {@code resolve: true}, which of these websites keep an IP address that is not gone, as {@link #WITHOUT_HOSTING} judges it. */
    private static final String STILL_HOSTED = CypherTemplate.statement("""
            UNWIND $ids AS id
            MATCH (w:Entity:Website {id: id})-[r:HOSTED_AT]->(ip:IpAddress)
            WHERE visible(w) AND visible(r) AND validOn(r) AND visible(ip) AND NOT ip.id IN $removed
              AND NOT (EXISTS { MATCH (ip)-[q:ALLOCATED_TO]->(p:HostingProvider) WHERE visible(q) AND validOn(q) AND visible(p) }
                       AND NOT EXISTS { MATCH (ip)-[q:ALLOCATED_TO]->(p:HostingProvider) WHERE NOT p.id IN $removed AND visible(q) AND validOn(q) AND visible(p) })
            RETURN DISTINCT w.id AS id
            """);

    private final GraphDb db;

    private final Projections projections;

    private final CriminalNetworks networks;

    private final NetworkDetails details;

    private final ProjectionReader reader;

    private final SameAsClusters sameAs;

    TakedownImpact(GraphDb db, Projections projections, CriminalNetworks networks, NetworkDetails details,
            ProjectionReader reader, SameAsClusters sameAs) {
        this.sameAs = sameAs;
        this.db = db;
        this.reader = reader;
        this.projections = projections;
        this.networks = networks;
        this.details = details;
    }

    /** The answer. */
    record Impact(List<Node> removed, List<Node> websitesWithoutPayment, int websitesWithoutPaymentCount,
            List<Node> websitesWithoutHosting, int websitesWithoutHostingCount, List<NetworkSplit> networksSplit,
            List<Node> shipmentsCut, int shipmentsCutCount, List<SameAsStep> sameAs) {
    }

    /** A network a takedown would break up, and its parts. */
    record NetworkSplit(NetworkDetails.CriminalNetwork before, List<List<Node>> after) {
    }

    Impact assess(List<String> ids, Visibility visibility) {
        return assess(ids, false, visibility);
    }

    /**
     * The impact; with {@code resolve}, each SAME_AS cluster the caller may see is one entity: taking an
     * entity down takes down its whole cluster, a website is left without payment or hosting only when no
     * other website of its cluster keeps one, and networks are those of the resolved projection.
     */
    Impact assess(List<String> ids, boolean resolve, Visibility visibility) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "must name at least one entity");
        }
        LimitExceededException.bounded("ids", ids.size(), MAX_IDS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        SameAsClusters.Clusters clusters = resolve ? this.sameAs.clusters(visibility) : null;
        List<String> down = resolve ? clusters.boundedMembersOf(new java.util.LinkedHashSet<>(ids))
                : List.copyOf(new java.util.LinkedHashSet<>(ids));
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("removed", down);
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
        List<SameAsStep> steps = List.of();
        if (resolve) {
            // The judgements of the entities taken down and of every website weighed, kept or not.
            List<String> about = new ArrayList<>(removed.keySet());
            withoutPayment.forEach(w -> about.add(w.id()));
            withoutHosting.forEach(w -> about.add(w.id()));
            steps = clusters.steps(about);
            withoutPayment = stillServedLeftOut(withoutPayment, STILL_PAYING, clusters, params);
            withoutHosting = stillServedLeftOut(withoutHosting, STILL_HOSTED, clusters, params);
        }
        List<Node> shipments = results.get(3).stream().map(r -> new Node(NodeKind.SHIPMENT, r.get("props").asMap())).toList();
        return new Impact(List.copyOf(removed.values()), capped(withoutPayment), withoutPayment.size(), capped(withoutHosting),
                withoutHosting.size(), splits(removed.keySet(), today, clusters, visibility), capped(shipments), shipments.size(), steps);
    }

    /**
     * The websites left without payment or hosting, less those of a cluster where another website keeps
     * it ({@code stillServed} names the websites that do).
     */
    private List<Node> stillServedLeftOut(List<Node> left, String stillServed, SameAsClusters.Clusters clusters,
            Map<String, Object> params) {
        java.util.Set<String> leftIds = new java.util.HashSet<>();
        left.forEach(w -> leftIds.add(w.id()));
        List<String> others = clusters.boundedMembersOf(leftIds).stream().filter(id -> !leftIds.contains(id)).toList();
        if (others.isEmpty()) {
            return left;
        }
        Map<String, Object> read = new HashMap<>(params);
        read.put("ids", others);
        java.util.Set<String> served = new java.util.HashSet<>();
        this.db.read(tx -> tx.run(stillServed, read)).forEach(r -> served.add(clusters.cluster(r.get("id").asString())));
        return left.stream().filter(w -> !served.contains(clusters.cluster(w.id()))).toList();
    }

    private List<NetworkSplit> splits(Set<String> removedIds, LocalDate today, SameAsClusters.Clusters clusters,
            Visibility visibility) {
        Projection.Key key = this.projections.key(visibility, today);
        Projection projection = clusters == null ? this.projections.projection(key) : this.networks.resolved(key);
        CriminalNetworks.Criteria criteria = CriminalNetworks.Criteria.of(null, null, null, today).resolving(clusters != null);
        NetworkDetection.Result before = this.networks.detect(key, criteria);
        // Read afresh without the entities taken down, so that routes through them (a holder reached
        // through a seized account, a provider through a seized IP) are gone too.
        Projection read = this.reader.read(visibility, today, removedIds);
        Projection without = clusters == null ? read : read.resolved(clusters);
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
        List<NetworkDetails.CriminalNetwork> described = this.details.describe(projection, broken, clusters, visibility);
        List<NetworkSplit> splits = new ArrayList<>();
        for (int i = 0; i < broken.size(); i++) {
            Map<String, Node> byId = new HashMap<>();
            described.get(i).websites().forEach(w -> byId.put(w.id(), w));
            List<List<Node>> groups = parts.get(i).stream()
                .map(group -> group.stream().flatMap(id -> projection.members(id).stream()).map(byId::get).toList())
                .toList();
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
