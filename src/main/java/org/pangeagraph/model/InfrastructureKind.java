package org.pangeagraph.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of infrastructure two websites can share (the README's route table, "Shared infrastructure"): the route
 * from a website to the shared item, and how specific a shared item of this kind is.
 *
 * <p>Specificity says how much a shared item of the kind says about common control when both
 * websites are otherwise unknown: a merchant account, a registrant or a drop address is taken out by
 * the operator for the operator's own sites (1.0); an IP address or a name server is often shared by
 * unrelated customers of one host (0.5); a hosting provider (0.35), a registrar or a courier (0.25) serve
 * many unrelated customers by design. An item's weight is its specificity times its rarity
 * {@code ln(N / k)} (k of the N websites reach it), so that a big hosting company or a national courier
 * weighs almost nothing, and one merchant account behind twelve storefronts weighs a lot.
 */
public enum InfrastructureKind {

    IP_ADDRESS(0.5, RelationshipType.HOSTED_AT, null),
    HOSTING_PROVIDER(0.35, RelationshipType.HOSTED_AT, RelationshipType.ALLOCATED_TO),
    REGISTRAR(0.25, RelationshipType.REGISTERED_WITH, null),
    /**
     * A name server the domains are delegated to. As specific as an IP address: a bulletproof hoster or
     * an operator runs its own name servers for its own domains, while a DNS provider's serve thousands
     * of unrelated customers (whose rarity, ln(N / k), then weighs almost nothing).
     */
    NAME_SERVER(0.5, RelationshipType.USES_NAME_SERVER, null),
    REGISTRANT(1.0, RelationshipType.REGISTERED_BY, null),
    CONTACT(1.0, RelationshipType.LISTS_CONTACT, null),
    PAYMENT_ACCOUNT(1.0, RelationshipType.ACCEPTS_PAYMENT_TO, null),
    ACCOUNT_HOLDER(1.0, RelationshipType.ACCEPTS_PAYMENT_TO, RelationshipType.HELD_BY),
    COURIER(0.25, RelationshipType.ORDERED_FROM, RelationshipType.CARRIED_BY),
    SENDER(1.0, RelationshipType.ORDERED_FROM, RelationshipType.SENT_BY),
    SENDER_ADDRESS(1.0, RelationshipType.ORDERED_FROM, RelationshipType.SENT_FROM),
    OPERATOR(1.0, RelationshipType.OPERATES, null),
    /**
     * A redirect: the item is a website that takes part in redirects, and it serves itself and its
     * direct redirect partners, so that a doorway and the storefront it redirects to share it.
     */
    REDIRECT(1.0, RelationshipType.REDIRECTS_TO, null);

    private final double specificity;

    private final RelationshipType first;

    private final RelationshipType second;

    InfrastructureKind(double specificity, RelationshipType first, RelationshipType second) {
        this.specificity = specificity;
        this.first = first;
        this.second = second;
    }

    /** How much a shared item of this kind says about common control, from 0 to 1. */
    public double specificity() {
        return this.specificity;
    }

    /**
     * The link at the website's end of the route. Every type of the model joins fixed kinds, so the
     * route can be matched without direction: HOSTED_AT leaves a website, ORDERED_FROM arrives at it.
     */
    public RelationshipType first() {
        return this.first;
    }

    /** The link at the item's end of a two-link route (from the middle entity to the item), or null. */
    public RelationshipType second() {
        return this.second;
    }

    public boolean twoHops() {
        return this.second != null;
    }

    /** The weight of an item of this kind reached by {@code k} of {@code n} websites. */
    public double weight(long k, long n) {
        if (k <= 0 || n <= 0 || k >= n) {
            return 0;
        }
        return this.specificity * Math.log((double) n / k);
    }

    /**
     * The kinds an operator takes out for its own storefronts (specificity 1.0). The others are public
     * services that unrelated websites share by chance however rare the item: two customers of a small
     * registrar, or of one CDN address, are not one network.
     */
    public static Set<InfrastructureKind> operatorSpecific() {
        return Arrays.stream(values()).filter(k -> k.specificity >= 1.0)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(InfrastructureKind.class)));
    }

    /**
     * The kind of a route, keyed as Cypher reads it off a matched route: the first link's type, and for
     * two-link routes {@code FIRST/SECOND}.
     */
    public static Map<String, String> byRoute() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (InfrastructureKind kind : values()) {
            routes.put(kind.twoHops() ? kind.first.name() + "/" + kind.second.name() : kind.first.name(), kind.name());
        }
        return routes;
    }

    /** Each kind's first link type, by kind name. */
    public static Map<String, String> firstByKind() {
        return Arrays.stream(values()).collect(Collectors.toMap(Enum::name, k -> k.first.name()));
    }

    /** Each two-link kind's second link type, by kind name. */
    public static Map<String, String> secondByKind() {
        return Arrays.stream(values()).filter(InfrastructureKind::twoHops)
            .collect(Collectors.toMap(Enum::name, k -> k.second.name()));
    }

    /** Each kind's specificity, by kind name. */
    public static Map<String, Double> specificityByKind() {
        return Arrays.stream(values()).collect(Collectors.toMap(Enum::name, InfrastructureKind::specificity));
    }

}
