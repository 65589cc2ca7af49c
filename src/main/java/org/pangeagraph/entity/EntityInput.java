package org.pangeagraph.entity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.model.NodeKind;

/**
 * The input of an upsert mutation: a record whose components are the key and the properties of one
 * node kind (named as in the graph and the schema), plus what every entity has. Components left null
 * are not written.
 */
public interface EntityInput {

    /** The node kind the input writes. */
    NodeKind nodeKind();

    /** Case numbers to restrict the entity to; null leaves them as they are. */
    List<String> cases();

    /** Keys of the sources the entity is known from; null leaves them as they are. */
    List<String> sources();

    /** The version the caller last saw, or null to update whatever the version. */
    Integer expectedVersion();

    /** The non-null record components other than cases, sources and expectedVersion, by name. */
    default Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : getClass().getRecordComponents()) {
            String name = component.getName();
            if (name.equals("cases") || name.equals("sources") || name.equals("expectedVersion")) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(this);
                if (value != null) {
                    values.put(name, value);
                }
            }
            catch (IllegalAccessException | InvocationTargetException ex) {
                throw new IllegalStateException("Cannot read " + name + " of " + getClass().getSimpleName(), ex);
            }
        }
        return values;
    }

}
