package org.pangeagraph.model;

import static org.pangeagraph.model.NodeKind.ADDRESS;
import static org.pangeagraph.model.NodeKind.AGENCY;
import static org.pangeagraph.model.NodeKind.CASE;
import static org.pangeagraph.model.NodeKind.COMPANY;
import static org.pangeagraph.model.NodeKind.COUNTRY;
import static org.pangeagraph.model.NodeKind.COURIER;
import static org.pangeagraph.model.NodeKind.EMAIL_ADDRESS;
import static org.pangeagraph.model.NodeKind.HOSTING_PROVIDER;
import static org.pangeagraph.model.NodeKind.IP_ADDRESS;
import static org.pangeagraph.model.NodeKind.NAME_SERVER;
import static org.pangeagraph.model.NodeKind.OPERATION;
import static org.pangeagraph.model.NodeKind.PAYMENT_ACCOUNT;
import static org.pangeagraph.model.NodeKind.PERSON;
import static org.pangeagraph.model.NodeKind.PHONE_NUMBER;
import static org.pangeagraph.model.NodeKind.PRODUCT;
import static org.pangeagraph.model.NodeKind.REGISTRAR;
import static org.pangeagraph.model.NodeKind.SHIPMENT;
import static org.pangeagraph.model.NodeKind.WEBSITE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The relationship types of the investigation graph (the README's graph model) and the kinds they may join. A link
 * between the wrong kinds is refused. Relationship types in Cypher text come from here, never from
 * input.
 */
public enum RelationshipType {

    HOSTED_AT(EnumSet.of(WEBSITE), EnumSet.of(IP_ADDRESS)),
    ALLOCATED_TO(EnumSet.of(IP_ADDRESS), EnumSet.of(HOSTING_PROVIDER)),
    REGISTERED_WITH(EnumSet.of(WEBSITE), EnumSet.of(REGISTRAR)),
    USES_NAME_SERVER(EnumSet.of(WEBSITE), EnumSet.of(NAME_SERVER)),
    REGISTERED_BY(EnumSet.of(WEBSITE), EnumSet.of(EMAIL_ADDRESS, PERSON, COMPANY)),
    LISTS_CONTACT(EnumSet.of(WEBSITE), EnumSet.of(EMAIL_ADDRESS, PHONE_NUMBER)),
    ACCEPTS_PAYMENT_TO(EnumSet.of(WEBSITE), EnumSet.of(PAYMENT_ACCOUNT)),
    REDIRECTS_TO(EnumSet.of(WEBSITE), EnumSet.of(WEBSITE)),
    HELD_BY(EnumSet.of(PAYMENT_ACCOUNT), EnumSet.of(PERSON, COMPANY)),
    ORDERED_FROM(EnumSet.of(SHIPMENT), EnumSet.of(WEBSITE)),
    CARRIED_BY(EnumSet.of(SHIPMENT), EnumSet.of(COURIER)),
    SENT_BY(EnumSet.of(SHIPMENT), EnumSet.of(PERSON, COMPANY)),
    SENT_FROM(EnumSet.of(SHIPMENT), EnumSet.of(ADDRESS)),
    CONTAINED(EnumSet.of(SHIPMENT), EnumSet.of(PRODUCT),
            PropertySpec.count("quantity"), PropertySpec.bool("counterfeit")),
    OPERATES(EnumSet.of(PERSON, COMPANY), EnumSet.of(WEBSITE)),
    ASSOCIATE_OF(EnumSet.of(PERSON), EnumSet.of(PERSON)),
    OFFICER_OF(EnumSet.of(PERSON), EnumSet.of(COMPANY), PropertySpec.text("role")),
    USES(EnumSet.of(PERSON, COMPANY), EnumSet.of(EMAIL_ADDRESS, PHONE_NUMBER)),
    LOCATED_IN(EnumSet.of(IP_ADDRESS, HOSTING_PROVIDER, ADDRESS, COMPANY, AGENCY), EnumSet.of(COUNTRY)),
    INSPECTED(EnumSet.of(OPERATION), EnumSet.of(SHIPMENT)),
    SEIZED(EnumSet.of(OPERATION), EnumSet.of(SHIPMENT)),
    TOOK_DOWN(EnumSet.of(OPERATION), EnumSet.of(WEBSITE), PropertySpec.date("date")),
    INVESTIGATES(EnumSet.of(OPERATION, CASE), EnumSet.of(PERSON)),
    COORDINATED_BY(EnumSet.of(OPERATION), EnumSet.of(AGENCY)),
    SUPPORTED_BY(EnumSet.of(OPERATION), EnumSet.of(AGENCY)),
    PARTICIPATED_IN(EnumSet.of(COUNTRY), EnumSet.of(OPERATION));

    /** Provenance every relationship may carry, written by callers. */
    public static final List<PropertySpec> PROVENANCE = List.of(
            PropertySpec.text("source"), PropertySpec.text("grade").rule(PropertyRule.GRADE),
            PropertySpec.date("validFrom"), PropertySpec.date("validTo").notBefore("validFrom"));

    private final Set<NodeKind> from;

    private final Set<NodeKind> to;

    private final List<PropertySpec> properties;

    RelationshipType(Set<NodeKind> from, Set<NodeKind> to, PropertySpec... properties) {
        this.from = from;
        this.to = to;
        this.properties = List.of(properties);
    }

    public Set<NodeKind> from() {
        return this.from;
    }

    public Set<NodeKind> to() {
        return this.to;
    }

    /** Properties particular to this type, beyond provenance ({@code quantity}, {@code role}, ...). */
    public List<PropertySpec> properties() {
        return this.properties;
    }

    public boolean joins(NodeKind fromKind, NodeKind toKind) {
        return this.from.contains(fromKind) && this.to.contains(toKind);
    }

    /** The Neo4j relationship type, which is the constant's name. */
    public String cypherName() {
        return name();
    }

}
