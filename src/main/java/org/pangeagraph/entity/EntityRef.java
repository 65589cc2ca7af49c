package org.pangeagraph.entity;

import java.util.Map;

import org.pangeagraph.model.NodeKind;

/**
 * Points at an entity: by id, or by kind and natural key (and country, for companies).
 *
 * @param id the entity's id
 * @param kind the entity's kind, with {@code key}
 * @param key the natural key in any written form, with {@code kind}
 * @param country a company's country
 */
public record EntityRef(String id, NodeKind kind, String key, String country) {

    /** The reference {@code ref} describes, the {@code EntityRef} of the schema as GraphQL gives it; null for null. */
    static EntityRef of(Map<String, Object> ref) {
        if (ref == null) {
            return null;
        }
        Object kind = ref.get("kind");
        return new EntityRef((String) ref.get("id"), kind == null ? null : NodeKind.valueOf(kind.toString()),
                (String) ref.get("key"), (String) ref.get("country"));
    }

}
