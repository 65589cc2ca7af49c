package org.pangeagraph.operation;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.AgencyKind;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertAgency}: the key and the properties to write; null fields are left as they are. */
public record AgencyInput(
        String name,
        String acronym,
        AgencyKind kind,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.AGENCY;
    }

}
