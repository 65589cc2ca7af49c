package org.pangeagraph.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties the application keeps on nodes and links for its own bookkeeping (the link identity
 * key, write locks, the post-import mark). They are not part of the data contract and never leave
 * the API.
 */
public final class InternalProperties {

    private InternalProperties() {
    }

    public static boolean isInternal(String name) {
        return name.startsWith("_") || name.equals("linkKey");
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
