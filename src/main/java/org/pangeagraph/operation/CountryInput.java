package org.pangeagraph.operation;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertCountry}: the key and the properties to write; null fields are left as they are. */
public record CountryInput(
        String code,
        String name,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.COUNTRY;
    }

}
