package org.pangeagraph.shipment;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertCourier}: the key and the properties to write; null fields are left as they are. */
public record CourierInput(
        String name,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.COURIER;
    }

}
