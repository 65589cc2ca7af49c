package org.pangeagraph.people;

import java.time.LocalDate;
import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.PersonStatus;

/** The input of {@code upsertPerson}: the key and the properties to write; null fields are left as they are. */
public record PersonInput(
        String id,
        String name,
        List<String> aliases,
        LocalDate dateOfBirth,
        String nationality,
        PersonStatus status,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.PERSON;
    }

}
