package org.pangeagraph.entity;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.RelationshipType;

/**
 * A link read from the graph, as the GraphQL {@code Link} type resolves it: its provenance and the
 * properties of its type, with its type and id.
 */
public final class LinkView extends AbstractMap<String, Object> {

    private final RelationshipType type;

    private final Map<String, Object> properties;

    public LinkView(RelationshipType type, Map<String, Object> properties) {
        this.type = type;
        this.properties = properties;
    }

    public RelationshipType type() {
        return this.type;
    }

    public String id() {
        return (String) this.properties.get("id");
    }

    public Map<String, Object> properties() {
        return this.properties;
    }

    @Override
    public Object get(Object key) {
        if ("type".equals(key)) {
            return this.type.name();
        }
        Object value = this.properties.get(key);
        return value == null && "cases".equals(key) ? List.of() : value;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new HashMap<>(this.properties);
        all.put("type", this.type.name());
        all.remove("linkKey");
        return all.entrySet();
    }

}
