package org.pangeagraph.people;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertCompany}: the key and the properties to write; null fields are left as they are. */
public record CompanyInput(
        String name,
        String country,
        String registrationNumber,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.COMPANY;
    }

}
