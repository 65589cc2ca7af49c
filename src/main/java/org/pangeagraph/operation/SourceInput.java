package org.pangeagraph.operation;

import java.time.LocalDate;
import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.SourceKind;

/** The input of {@code upsertSource}: the key and the properties to write; null fields are left as they are. */
public record SourceInput(
        String key,
        String title,
        SourceKind kind,
        String url,
        LocalDate publishedOn,
        String agency,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.SOURCE;
    }

}
