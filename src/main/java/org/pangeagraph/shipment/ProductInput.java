package org.pangeagraph.shipment;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.Category;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertProduct}: the key and the properties to write; null fields are left as they are. */
public record ProductInput(
        String name,
        String activeIngredient,
        Category category,
        Boolean prescriptionOnly,
        Boolean controlled,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.PRODUCT;
    }

}
