package org.pangeagraph.operation;

import java.time.LocalDate;
import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertOperation}: the key and the properties to write; null fields are left as they are. */
public record OperationInput(
        String code,
        String name,
        LocalDate startDate,
        LocalDate endDate,
        Integer websitesIdentified,
        Integer websitesTakenDown,
        Integer packagesInspected,
        Integer packagesSeized,
        Integer pillsSeized,
        Integer suspectsUnderInvestigation,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.OPERATION;
    }

}
