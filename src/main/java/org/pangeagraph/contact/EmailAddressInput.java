package org.pangeagraph.contact;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertEmailAddress}: the key and the properties to write; null fields are left as they are. */
public record EmailAddressInput(
        String address,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.EMAIL_ADDRESS;
    }

}
