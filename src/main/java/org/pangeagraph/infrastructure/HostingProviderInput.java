package org.pangeagraph.infrastructure;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertHostingProvider}: the key and the properties to write; null fields are left as they are. */
public record HostingProviderInput(
        String name,
        Long asn,
        String country,
        String abuseEmail,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.HOSTING_PROVIDER;
    }

}
