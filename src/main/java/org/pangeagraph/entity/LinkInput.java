package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * A link to write: its type, its ends, its provenance and the properties particular to its type
 * ({@code quantity}, {@code role}, ..., as the model's {@link RelationshipType#properties()} name them).
 *
 * @param particular the input's other non-null fields, by name; each must be a property of the type
 */
public record LinkInput(RelationshipType type, EntityRef from, EntityRef to, String source, String grade,
        LocalDate validFrom, LocalDate validTo, List<String> cases, Map<String, Object> particular) {

    /** The fields of {@code LinkInput} every link has; the others are particular to a type. */
    private static final Set<String> COMMON = Set.of("type", "from", "to", "source", "grade", "validFrom", "validTo", "cases");

    /** The link {@code input} describes, the {@code LinkInput} of the schema as GraphQL gives it. */
    @SuppressWarnings("unchecked")
    public static LinkInput of(Map<String, Object> input) {
        Map<String, Object> particular = new LinkedHashMap<>();
        input.forEach((name, value) -> {
            if (value != null && !COMMON.contains(name)) {
                particular.put(name, value);
            }
        });
        Object type = input.get("type");
        return new LinkInput(type == null ? null : RelationshipType.valueOf(type.toString()),
                EntityRef.of((Map<String, Object>) input.get("from")), EntityRef.of((Map<String, Object>) input.get("to")),
                (String) input.get("source"), (String) input.get("grade"), (LocalDate) input.get("validFrom"),
                (LocalDate) input.get("validTo"), (List<String>) input.get("cases"), particular);
    }

}
