package org.pangeagraph.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties the application keeps on nodes and links for its own bookkeeping (the link identity
 * key, write locks, the post-import mark, and {@code taggedAt}, the time an entity's cases alone last
 * changed, which would tell a reader when another case took the entity up or left it). They never
 * leave the API.
 */
public final class InternalProperties {

    private InternalProperties() {
    }

    public static boolean isInternal(String name) {
        return name.startsWith("_") || name.equals("linkKey") || name.equals("taggedAt");
    }

    /** A copy of {@code stored} without internal properties. */
    public static Map<String, Object> strip(Map<String, Object> stored) {
        Map<String, Object> visible = new LinkedHashMap<>();
        stored.forEach((k, v) -> {
            if (!isInternal(k)) {
                visible.put(k, v);
            }
        });
        return visible;
    }

}
