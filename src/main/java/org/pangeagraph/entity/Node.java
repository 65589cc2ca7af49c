package org.pangeagraph.entity;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;

/**
 * An entity read from the graph, as the GraphQL layer resolves it: a read-only map of its properties
 * (so that every scalar field resolves straight from the map), plus the computed {@code entityKind}
 * and {@code caption}, with absent list properties (the model's {@link NodeKind#isList}) read as empty lists.
 */
public final class Node extends AbstractMap<String, Object> {

    private final NodeKind kind;

    private final Map<String, Object> properties;

    /** The links read with the node by its query tree's statement, by the response key of their field. */
    private final Map<String, QueryTree.Read> read;

    public Node(NodeKind kind, Map<String, Object> properties) {
        this(kind, properties, Map.of());
    }

    Node(NodeKind kind, Map<String, Object> properties, Map<String, QueryTree.Read> read) {
        this.kind = kind;
        this.properties = properties;
        this.read = read;
    }

    /** The links of the field with this response key that were read with the node, or null. */
    QueryTree.Read read(String responseKey) {
        return this.read.get(responseKey);
    }

    public NodeKind kind() {
        return this.kind;
    }

    public String id() {
        return (String) this.properties.get("id");
    }

    public String caption() {
        return this.kind.caption(this.properties);
    }

    /** The stored properties, without computed fields. */
    public Map<String, Object> properties() {
        return this.properties;
    }

    @Override
    public Object get(Object key) {
        if ("entityKind".equals(key)) {
            return this.kind.name();
        }
        if ("caption".equals(key)) {
            return caption();
        }
        Object value = this.properties.get(key);
        if (value == null && key instanceof String name && this.kind.isList(name)) {
            return List.of();
        }
        if (value == null && "version".equals(key)) {
            return 0;
        }
        return value;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new HashMap<>(this.properties);
        all.put("entityKind", this.kind.name());
        all.put("caption", caption());
        return all.entrySet();
    }

    @Override
    public String toString() {
        return this.kind.label() + "(" + caption() + ")";
    }

}
