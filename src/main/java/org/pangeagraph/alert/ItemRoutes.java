package org.pangeagraph.alert;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * The routes by which a website reaches an item it shares with others (the model's infrastructure kinds):
 * one link (a payment account, an IP address, a registrant) or two through an entity between (a courier
 * through a parcel, a hosting provider through an IP address). Redirects, from website to website, are
 * not routes to an item.
 */
record ItemRoutes(InfrastructureKind kind, RelationshipType first, RelationshipType second, Set<NodeKind> middles,
        Set<NodeKind> items) {

    boolean twoHops() {
        return this.second != null;
    }

    /** The routes that end at an entity of {@code kind}. */
    static List<ItemRoutes> to(NodeKind kind) {
        List<ItemRoutes> routes = new ArrayList<>();
        for (InfrastructureKind infrastructure : InfrastructureKind.values()) {
            if (infrastructure == InfrastructureKind.REDIRECT) {
                continue;
            }
            ItemRoutes route = of(infrastructure);
            if (route.items().contains(kind)) {
                routes.add(route);
            }
        }
        return routes;
    }

    static ItemRoutes of(InfrastructureKind kind) {
        Set<NodeKind> firstEnds = ends(kind.first());
        firstEnds.remove(NodeKind.WEBSITE);
        if (!kind.twoHops()) {
            return new ItemRoutes(kind, kind.first(), null, Set.of(), Set.copyOf(firstEnds));
        }
        Set<NodeKind> items = ends(kind.second());
        items.removeAll(firstEnds);
        return new ItemRoutes(kind, kind.first(), kind.second(), Set.copyOf(firstEnds), Set.copyOf(items));
    }

    private static Set<NodeKind> ends(RelationshipType type) {
        Set<NodeKind> ends = EnumSet.noneOf(NodeKind.class);
        ends.addAll(type.from());
        ends.addAll(type.to());
        return ends;
    }

}
