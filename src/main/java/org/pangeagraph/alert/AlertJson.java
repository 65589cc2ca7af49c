package org.pangeagraph.alert;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** How alerts keep their changes, evidence, notes and history in the graph: one JSON text per item. */
final class AlertJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The separator of case numbers in a stored case set; a control character, which no case number may hold. */
    static final String CASE_SEPARATOR = "\u001f";

    private AlertJson() {
    }

    static <T> List<String> write(List<T> items) {
        return items.stream().map(JSON::writeValueAsString).toList();
    }

    static <T> List<T> read(List<String> texts, Class<T> type) {
        return texts.stream().map(text -> JSON.readValue(text, type)).toList();
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    static List<String> caseSets(List<List<String>> sets) {
        return sets.stream().map(set -> String.join(CASE_SEPARATOR, set)).toList();
    }

    static List<List<String>> caseSetsOf(List<String> stored) {
        return stored.stream().map(s -> List.of(s.split(CASE_SEPARATOR, -1))).toList();
    }

}
