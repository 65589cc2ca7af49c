package org.pangeagraph.shipment;

import java.time.LocalDate;
import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertShipment}: the key and the properties to write; null fields are left as they are. */
public record ShipmentInput(
        String trackingNumber,
        LocalDate inspectedOn,
        Boolean seized,
        String declaredContent,
        Integer pillCount,
        String originCountry,
        String destinationCountry,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.SHIPMENT;
    }

}
