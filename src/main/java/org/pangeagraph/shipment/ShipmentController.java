package org.pangeagraph.shipment;

import java.util.Map;

import org.pangeagraph.entity.EntityConnection;
import org.pangeagraph.entity.EntityReader;
import org.pangeagraph.entity.EntityWriter;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.NodeKind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Parcels, couriers and products. */
@Controller
class ShipmentController {

    private final EntityReader reader;

    private final EntityWriter writer;

    ShipmentController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @QueryMapping
    Node shipment(@Argument String trackingNumber, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.SHIPMENT, "trackingNumber", trackingNumber, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection shipments(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.SHIPMENT, filter, first, after, caller.visibility());
    }

    @MutationMapping
    ShipmentPayload upsertShipment(@Argument ShipmentInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new ShipmentPayload(result.created(), result.node());
    }

    @QueryMapping
    Node courier(@Argument String name, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.COURIER, "name", name, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection couriers(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.COURIER, filter, first, after, caller.visibility());
    }

    @MutationMapping
    CourierPayload upsertCourier(@Argument CourierInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new CourierPayload(result.created(), result.node());
    }

    @QueryMapping
    Node product(@Argument String name, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.PRODUCT, "name", name, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection products(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.PRODUCT, filter, first, after, caller.visibility());
    }

    @MutationMapping
    ProductPayload upsertProduct(@Argument ProductInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new ProductPayload(result.created(), result.node());
    }

}
