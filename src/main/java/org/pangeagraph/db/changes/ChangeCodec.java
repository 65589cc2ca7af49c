package org.pangeagraph.db.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a change is kept in a {@code ChangeBatch} node: one short JSON object per change, in an array
 * property, beside the batch's own properties (first sequence, time, writer, graph version). A batch
 * is one node whatever the number of its changes (up to {@link ChangeStore#BATCH_SIZE}), so that recording a
 * large import adds a node per few hundred changes, not one per change.
 */
final class ChangeCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ChangeCodec() {
    }

    /** The change as its batch keeps it; its user only when it is not the batch's. */
    static String encode(Change change, String batchUser) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", change.kind().name());
        if (change.user() != null && !change.user().equals(batchUser)) {
            map.put("u", change.user());
        }
        putEntity(map, "e", change.entity());
        putIfPresent(map, "l", change.linkId());
        putIfPresent(map, "t", change.type());
        putEntity(map, "f", change.from());
        putEntity(map, "o", change.to());
        if (!change.provenance().isEmpty()) {
            map.put("p", change.provenance());
        }
        if (!change.properties().isEmpty()) {
            map.put("ps", change.properties());
        }
        if (!change.caseSets().isEmpty()) {
            map.put("cs", change.caseSets());
        }
        putIfPresent(map, "x", change.linkElementId());
        if (change.casesBefore() != null) {
            map.put("cb", change.casesBefore());
        }
        return JSON.writeValueAsString(map);
    }

    /** The change {@code text} encodes, with the batch's own properties. */
    @SuppressWarnings("unchecked")
    static Change decode(String text, long sequence, java.time.ZonedDateTime at, String graphVersion, String user,
            String importRun, ChangeOrigin origin) {
        Map<String, Object> map = JSON.readValue(text, MAP);
        List<List<String>> caseSets = new ArrayList<>();
        for (Object set : (List<Object>) map.getOrDefault("cs", List.of())) {
            caseSets.add(strings(set));
        }
        String writer = map.get("u") instanceof String own ? own : user;
        return new Change(sequence, at, graphVersion, writer, importRun, origin, ChangeKind.valueOf((String) map.get("k")),
                entity(map.get("e")), (String) map.get("l"), (String) map.get("t"), entity(map.get("f")),
                entity(map.get("o")), (Map<String, Object>) map.getOrDefault("p", Map.of()), strings(map.get("ps")), caseSets,
                (String) map.get("x"), map.containsKey("cb") ? strings(map.get("cb")) : null);
    }

    private static void putEntity(Map<String, Object> map, String key, ChangedEntity entity) {
        if (entity == null) {
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        putIfPresent(e, "i", entity.id());
        e.put("k", entity.kind());
        putIfPresent(e, "y", entity.key());
        putIfPresent(e, "c", entity.caption());
        if (!entity.cases().isEmpty()) {
            e.put("s", entity.cases());
        }
        putIfPresent(e, "x", entity.elementId());
        map.put(key, e);
    }

    @SuppressWarnings("unchecked")
    private static ChangedEntity entity(Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            return null;
        }
        Map<String, Object> e = (Map<String, Object>) raw;
        return new ChangedEntity((String) e.get("i"), (String) e.get("k"), (String) e.get("y"), (String) e.get("c"),
                strings(e.get("s")), (String) e.get("x"));
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

}
