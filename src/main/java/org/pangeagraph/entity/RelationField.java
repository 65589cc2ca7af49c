package org.pangeagraph.entity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * A relationship field of the GraphQL schema (such as {@code Website.ipAddresses}): which type of
 * link it follows, in which direction, to which kinds. Every such field is resolved in batches, one
 * statement per field and nesting level, whatever the number of parents.
 *
 * @param owner the GraphQL type that has the field
 * @param field the field name
 * @param type the relationship type followed
 * @param direction which way from the owner
 */
public record RelationField(NodeKind owner, String field, RelationshipType type, Direction direction) {

    /** Which way a relation field follows its links, seen from the owner. */
    public enum Direction {
        OUTGOING, INCOMING, BOTH
    }

    /** The kinds that may be at the other end. */
    public Set<NodeKind> targets() {
        return switch (this.direction) {
            case OUTGOING -> EnumSet.copyOf(this.type.to());
            case INCOMING -> EnumSet.copyOf(this.type.from());
            case BOTH -> {
                EnumSet<NodeKind> both = EnumSet.copyOf(this.type.to());
                both.addAll(this.type.from());
                yield both;
            }
        };
    }

    /** The name the field's batch loader is registered under, e.g. {@code Website.ipAddresses}. */
    public String loaderName() {
        return this.owner.label() + "." + this.field;
    }

    private static RelationField out(NodeKind owner, String field, RelationshipType type) {
        return new RelationField(owner, field, type, Direction.OUTGOING);
    }

    private static RelationField in(NodeKind owner, String field, RelationshipType type) {
        return new RelationField(owner, field, type, Direction.INCOMING);
    }

    /** Every relationship field of the schema. A test checks this list and the schema agree. */
    public static final List<RelationField> ALL = List.of(
            out(NodeKind.WEBSITE, "ipAddresses", RelationshipType.HOSTED_AT),
            out(NodeKind.WEBSITE, "registrars", RelationshipType.REGISTERED_WITH),
            out(NodeKind.WEBSITE, "registrants", RelationshipType.REGISTERED_BY),
            out(NodeKind.WEBSITE, "contacts", RelationshipType.LISTS_CONTACT),
            out(NodeKind.WEBSITE, "paymentAccounts", RelationshipType.ACCEPTS_PAYMENT_TO),
            out(NodeKind.WEBSITE, "redirectsTo", RelationshipType.REDIRECTS_TO),
            in(NodeKind.WEBSITE, "redirectedFrom", RelationshipType.REDIRECTS_TO),
            in(NodeKind.WEBSITE, "shipments", RelationshipType.ORDERED_FROM),
            in(NodeKind.WEBSITE, "operators", RelationshipType.OPERATES),
            in(NodeKind.WEBSITE, "takenDownBy", RelationshipType.TOOK_DOWN),

            in(NodeKind.IP_ADDRESS, "websites", RelationshipType.HOSTED_AT),
            out(NodeKind.IP_ADDRESS, "hostingProviders", RelationshipType.ALLOCATED_TO),
            out(NodeKind.IP_ADDRESS, "locatedIn", RelationshipType.LOCATED_IN),

            in(NodeKind.HOSTING_PROVIDER, "ipAddresses", RelationshipType.ALLOCATED_TO),
            out(NodeKind.HOSTING_PROVIDER, "locatedIn", RelationshipType.LOCATED_IN),

            in(NodeKind.REGISTRAR, "websites", RelationshipType.REGISTERED_WITH),

            in(NodeKind.EMAIL_ADDRESS, "registeredWebsites", RelationshipType.REGISTERED_BY),
            in(NodeKind.EMAIL_ADDRESS, "listedOn", RelationshipType.LISTS_CONTACT),
            in(NodeKind.EMAIL_ADDRESS, "usedBy", RelationshipType.USES),

            in(NodeKind.PHONE_NUMBER, "listedOn", RelationshipType.LISTS_CONTACT),
            in(NodeKind.PHONE_NUMBER, "usedBy", RelationshipType.USES),

            in(NodeKind.PAYMENT_ACCOUNT, "websites", RelationshipType.ACCEPTS_PAYMENT_TO),
            out(NodeKind.PAYMENT_ACCOUNT, "holders", RelationshipType.HELD_BY),

            out(NodeKind.SHIPMENT, "websites", RelationshipType.ORDERED_FROM),
            out(NodeKind.SHIPMENT, "couriers", RelationshipType.CARRIED_BY),
            out(NodeKind.SHIPMENT, "senders", RelationshipType.SENT_BY),
            out(NodeKind.SHIPMENT, "sentFrom", RelationshipType.SENT_FROM),
            out(NodeKind.SHIPMENT, "contents", RelationshipType.CONTAINED),
            in(NodeKind.SHIPMENT, "inspectedBy", RelationshipType.INSPECTED),
            in(NodeKind.SHIPMENT, "seizedBy", RelationshipType.SEIZED),

            in(NodeKind.COURIER, "shipments", RelationshipType.CARRIED_BY),

            in(NodeKind.PRODUCT, "shipments", RelationshipType.CONTAINED),

            in(NodeKind.ADDRESS, "shipments", RelationshipType.SENT_FROM),
            out(NodeKind.ADDRESS, "locatedIn", RelationshipType.LOCATED_IN),

            out(NodeKind.PERSON, "operates", RelationshipType.OPERATES),
            new RelationField(NodeKind.PERSON, "associates", RelationshipType.ASSOCIATE_OF, Direction.BOTH),
            out(NodeKind.PERSON, "officerOf", RelationshipType.OFFICER_OF),
            out(NodeKind.PERSON, "uses", RelationshipType.USES),
            in(NodeKind.PERSON, "holds", RelationshipType.HELD_BY),
            in(NodeKind.PERSON, "registered", RelationshipType.REGISTERED_BY),
            in(NodeKind.PERSON, "sentShipments", RelationshipType.SENT_BY),
            in(NodeKind.PERSON, "investigatedBy", RelationshipType.INVESTIGATES),

            out(NodeKind.COMPANY, "operates", RelationshipType.OPERATES),
            in(NodeKind.COMPANY, "officers", RelationshipType.OFFICER_OF),
            out(NodeKind.COMPANY, "uses", RelationshipType.USES),
            in(NodeKind.COMPANY, "holds", RelationshipType.HELD_BY),
            in(NodeKind.COMPANY, "registered", RelationshipType.REGISTERED_BY),
            in(NodeKind.COMPANY, "sentShipments", RelationshipType.SENT_BY),
            out(NodeKind.COMPANY, "locatedIn", RelationshipType.LOCATED_IN),

            out(NodeKind.OPERATION, "inspected", RelationshipType.INSPECTED),
            out(NodeKind.OPERATION, "seized", RelationshipType.SEIZED),
            out(NodeKind.OPERATION, "tookDown", RelationshipType.TOOK_DOWN),
            out(NodeKind.OPERATION, "investigates", RelationshipType.INVESTIGATES),
            out(NodeKind.OPERATION, "coordinatedBy", RelationshipType.COORDINATED_BY),
            out(NodeKind.OPERATION, "supportedBy", RelationshipType.SUPPORTED_BY),
            in(NodeKind.OPERATION, "participants", RelationshipType.PARTICIPATED_IN),

            in(NodeKind.AGENCY, "coordinated", RelationshipType.COORDINATED_BY),
            in(NodeKind.AGENCY, "supported", RelationshipType.SUPPORTED_BY),
            out(NodeKind.AGENCY, "locatedIn", RelationshipType.LOCATED_IN),

            out(NodeKind.COUNTRY, "operations", RelationshipType.PARTICIPATED_IN),
            in(NodeKind.COUNTRY, "located", RelationshipType.LOCATED_IN),

            out(NodeKind.CASE, "investigates", RelationshipType.INVESTIGATES));

}
