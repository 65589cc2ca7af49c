package org.pangeagraph.resolution;

import java.util.Map;

import org.pangeagraph.model.InvalidValueException;
import org.pangeagraph.model.NodeKind;

/**
 * What the candidate index keeps of one entity: the stored values its kind's scorer reads, prepared
 * once (tokens, phonetic codes, skeletons), its key in normal form, and the entity whose key it collided
 * with on import, if it did. Not its cases: who may be proposed a pair is read from the graph at each
 * request, so a change of cases alone (which moves no {@code updatedAt}) needs no pass of the index.
 */
final class Profile {

    final String id;

    final NodeKind kind;

    final Map<String, Object> values;

    /** The key as stored; for an entity left as written on import, not in normal form. */
    final String key;

    /** The key in normal form, or null when it has none (or the kind has no key). */
    final String normalKey;

    /** The id of the entity whose key this one's became in normal form, when the import left it as written. */
    final String collidesWith;

    /** The scorer's prepared form of the values, or null for a kind without a scorer. */
    final Object prepared;

    Profile(String id, NodeKind kind, Map<String, Object> values, String collidesWith, KindResolver<?> resolver) {
        this.id = id;
        this.kind = kind;
        this.values = Map.copyOf(values);
        this.collidesWith = collidesWith;
        this.key = kind.hasKey() && values.get(kind.derivedKey() ? kind.keyInput() : kind.keyProperty()) instanceof String k
                ? k : null;
        this.normalKey = normal(kind, this.key);
        this.prepared = resolver == null ? null : resolver.prepare(this.values);
    }

    String text(String property) {
        return this.values.get(property) instanceof String s && !s.isBlank() ? s : null;
    }

    private static String normal(NodeKind kind, String key) {
        if (key == null) {
            return null;
        }
        try {
            return kind.keyForm().normalise(key);
        }
        catch (InvalidValueException ex) {
            return null;
        }
    }

}
