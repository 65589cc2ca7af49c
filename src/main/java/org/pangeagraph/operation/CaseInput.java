package org.pangeagraph.operation;

import java.time.LocalDate;
import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.CaseStatus;
import org.pangeagraph.model.NodeKind;

/** The input of {@code upsertCase}: the key and the properties to write; null fields are left as they are. */
public record CaseInput(
        String number,
        String title,
        CaseStatus status,
        LocalDate openedOn,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.CASE;
    }

}
