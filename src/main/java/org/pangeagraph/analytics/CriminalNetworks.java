package org.pangeagraph.analytics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.Projection;
import org.pangeagraph.projection.Projections;
import org.pangeagraph.projection.SameAsClusters;
import org.springframework.stereotype.Component;

/** Criminal networks as the API serves them: detected on the cached projection, described a page at a time. */
@Component
class CriminalNetworks {

    static final int MAX_PAGE = 100;

    private final Projections projections;

    private final NetworkDetails details;

    private final SameAsClusters clusters;

    CriminalNetworks(Projections projections, NetworkDetails details, SameAsClusters clusters) {
        this.projections = projections;
        this.details = details;
        this.clusters = clusters;
    }

    /**
     * What to detect; with {@code resolve}, on the projection resolved by the SAME_AS clusters the caller
     * may see ({@link Projection#resolved}).
     */
    record Criteria(int minWebsites, double minLinkScore, Set<InfrastructureKind> kinds, LocalDate asOf, boolean resolve) {

        Criteria(int minWebsites, double minLinkScore, Set<InfrastructureKind> kinds, LocalDate asOf) {
            this(minWebsites, minLinkScore, kinds, asOf, false);
        }

        /** The same criteria with {@code resolve} as given. */
        Criteria resolving(boolean resolve) {
            return new Criteria(this.minWebsites, this.minLinkScore, this.kinds, this.asOf, resolve);
        }

        static Criteria of(Integer minWebsites, Double minLinkScore, List<InfrastructureKind> kinds, LocalDate asOf) {
            int min = minWebsites == null ? 2 : minWebsites;
            if (min < 2) {
                throw new InvalidInputException("minWebsites", "must be at least 2: a network has two websites or more");
            }
            double score = minLinkScore == null ? NetworkDetection.DEFAULT_THRESHOLD : minLinkScore;
            if (score < 0 || Double.isNaN(score)) {
                throw new InvalidInputException("minLinkScore", "must not be negative");
            }
            // Prototype (issue 5): by default only the kinds an operator takes out for itself bind. On generated graphs
            // with realistic noise, CDN and shared-hosting IP addresses, small hosting providers and registrars passed
            // the weight threshold and glued unrelated storefronts into one network (adjusted Rand index 0.015).
            Set<InfrastructureKind> allowed = kinds == null || kinds.isEmpty() ? InfrastructureKind.operatorSpecific()
                    : EnumSet.copyOf(kinds);
            return new Criteria(min, score, allowed, asOf);
        }

    }

    /** A page of networks, shaped as a Relay connection. */
    record CriminalNetworkConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {
    }

    record Edge(String cursor, NetworkDetails.CriminalNetwork node) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    NetworkDetection.Result detect(Criteria criteria, Visibility visibility) {
        Projection.Key key = this.projections.key(visibility, criteria.asOf());
        return detect(key, criteria);
    }

    NetworkDetection.Result detect(Projection.Key key, Criteria criteria) {
        if (criteria.resolve()) {
            Projection resolved = resolved(key);
            return this.projections.derived(key, "networksResolved",
                    List.of(criteria.kinds(), criteria.minLinkScore(), criteria.minWebsites()),
                    p -> NetworkDetection.detect(resolved, criteria.kinds(), criteria.minLinkScore(), criteria.minWebsites()));
        }
        return this.projections.derived(key, "networks",
                List.of(criteria.kinds(), criteria.minLinkScore(), criteria.minWebsites()),
                p -> NetworkDetection.detect(p, criteria.kinds(), criteria.minLinkScore(), criteria.minWebsites()));
    }

    /** The SAME_AS clusters the caller of {@code key} may see. */
    SameAsClusters.Clusters clusters(Projection.Key key) {
        return this.clusters.clusters(new Visibility(key.seeAll(), key.cases()));
    }

    /** The projection of {@code key} resolved by the clusters its caller may see. */
    Projection resolved(Projection.Key key) {
        return this.projections.resolved(key, clusters(key));
    }

    CriminalNetworkConnection page(Criteria criteria, int first, String after, Visibility visibility) {
        LimitExceededException.bounded("first", first, 0, MAX_PAGE);
        Projection.Key key = this.projections.key(visibility, criteria.asOf());
        List<NetworkDetection.Network> all = detect(key, criteria).networks();
        int from = after == null ? 0 : decode(after) + 1;
        int to = Math.min(all.size(), from + first);
        // The description of a page (people, countries, parcels, dates) is read from the graph; it is
        // cached with the networks, under the same key, so that it is never older than the graph.
        Projection resolved = criteria.resolve() ? resolved(key) : null;
        SameAsClusters.Clusters clusters = criteria.resolve() ? clusters(key) : null;
        List<NetworkDetails.CriminalNetwork> described = from >= to ? List.of()
                : this.projections.derived(key, criteria.resolve() ? "pageResolved" : "page", List.of(criteria.kinds(),
                        criteria.minLinkScore(), criteria.minWebsites(), from, to),
                        p -> this.details.describe(resolved == null ? p : resolved, all.subList(from, to), clusters, visibility));
        List<Edge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < described.size(); i++) {
            edges.add(new Edge(encode(from + i), described.get(i)));
        }
        PageInfo info = new PageInfo(to < all.size(), from > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new CriminalNetworkConnection(edges, info, all.size());
    }

    /** The network, with default criteria, of the website named by domain or id; null if it binds to none. */
    NetworkDetails.CriminalNetwork containing(String website, Visibility visibility) {
        Criteria criteria = Criteria.of(null, null, null, null);
        Projection.Key key = this.projections.key(visibility, null);
        Projection projection = this.projections.projection(key);
        Integer index = projection.index().get(website);
        if (index == null && KeyForm.DOMAIN.accepts(website)) {
            index = indexOfDomain(projection, KeyForm.DOMAIN.normalise(website));
        }
        if (index == null) {
            throw new org.pangeagraph.model.NotFoundException("containing", "website " + website);
        }
        NetworkDetection.Result result = detect(key, criteria);
        int network = result.networkOfWebsite()[index];
        return network < 0 ? null : this.details.describe(projection, List.of(result.networks().get(network)), visibility).get(0);
    }

    static Integer indexOfDomain(Projection projection, String domain) {
        int found = java.util.Collections.binarySearch(projection.domains(), domain);
        return found >= 0 ? found : null;
    }

    private static String encode(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("network:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("network:")) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(text.substring("network:".length()));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("after", "is not a cursor this API issued; pass a page's endCursor");
        }
    }

}
