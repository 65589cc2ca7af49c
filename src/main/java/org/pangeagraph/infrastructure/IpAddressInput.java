package org.pangeagraph.infrastructure;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertIpAddress}: the key and the properties to write; null fields are left as they are. */
public record IpAddressInput(
        String address,
        Long asn,
        String country,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.IP_ADDRESS;
    }

}
