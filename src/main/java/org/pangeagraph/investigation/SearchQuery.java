package org.pangeagraph.investigation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.EntityReader;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Search as an investigator types: the text is first read as a key of every kind it can be (a URL
 * becomes a domain, a spaced IBAN a compact one, a formatted phone number its E.164 form) and looked up
 * exactly; then the fulltext index is asked for its words, each also allowing one or two typos. Exact
 * key matches rank first.
 */
@Component
class SearchQuery {

    static final int MAX_HITS = 100;

    /** Scored above any fulltext relevance, so exact key matches come first. */
    static final double EXACT_SCORE = 1_000;

    private static final String FULLTEXT = """
            CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node, score
            WHERE %s AND ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
            RETURN node {.*} AS props, labels(node) AS labels, score
            LIMIT $first
            """.formatted(Visibility.visible("node"));

    /** Characters with a meaning in Lucene's query syntax, escaped in the caller's words. */
    private static final String LUCENE_SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private final GraphDb db;

    SearchQuery(GraphDb db) {
        this.db = db;
    }

    /** A search hit. */
    record Hit(Node node, NodeKind kind, String caption, double score, boolean exactKeyMatch) {
    }

    List<Hit> search(String text, List<NodeKind> kinds, int first, Visibility visibility) {
        LimitExceededException.bounded("first", first, MAX_HITS);
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("text", "must not be blank");
        }
        if (trimmed.length() > 500) {
            throw new LimitExceededException("text", "is longer than 500 characters");
        }
        List<String> labels = kinds == null || kinds.isEmpty() ? null : kinds.stream().map(NodeKind::label).toList();
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("labels", labels);
        List<KeyReading> readings = keyReadings(trimmed);
        for (int i = 0; i < readings.size(); i++) {
            params.put("key" + i, readings.get(i).value());
        }
        String lucene = luceneQuery(trimmed);
        params.put("query", lucene);
        params.put("limit", first * 5);
        params.put("first", first);
        return this.db.read(tx -> {
            Map<String, Hit> hits = new LinkedHashMap<>();
            for (Record r : readings.isEmpty() ? List.<Record>of() : tx.run(exactQuery(readings), params)) {
                Node node = EntityReader.node(r);
                hits.putIfAbsent(node.id(), new Hit(node, node.kind(), node.caption(), EXACT_SCORE, true));
            }
            if (!lucene.isBlank()) {
                for (Record r : tx.run(FULLTEXT, params)) {
                    Node node = EntityReader.node(r);
                    hits.putIfAbsent(node.id(), new Hit(node, node.kind(), node.caption(), r.get("score").asDouble(), false));
                }
            }
            return hits.values().stream().limit(first).toList();
        });
    }

    /** A kind whose key the text can be, and the key in normal form. */
    record KeyReading(NodeKind kind, String value) {
    }

    /** Every kind whose key the text can be read as, with the key in normal form. */
    static List<KeyReading> keyReadings(String text) {
        List<KeyReading> readings = new ArrayList<>();
        for (NodeKind kind : NodeKind.values()) {
            if (kind.hasKey() && kind.keyForm().accepts(text)) {
                readings.add(new KeyReading(kind, kind.keyForm().normalise(text)));
            }
        }
        return readings;
    }

    /** One index seek per reading; labels and key properties come from the model, the values are parameters. */
    private static String exactQuery(List<KeyReading> readings) {
        List<String> seeks = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            NodeKind kind = readings.get(i).kind();
            seeks.add("MATCH (n:" + kind.label() + " {" + kind.keyProperty() + ": $key" + i + "}) RETURN n");
        }
        return "CALL () { " + String.join(" UNION ", seeks) + " } WITH n WHERE " + Visibility.visible("n")
                + " AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels)) RETURN n {.*} AS props, labels(n) AS labels";
    }

    /**
     * The caller's words as a Lucene query: each word as typed (boosted) or, for words with letters,
     * within one or two edits (by its length), any of them may match. Words made of key-like text are also added in the normal
     * forms the keys are indexed in.
     */
    static String luceneQuery(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[\\s,;]+")));
        for (KeyReading reading : keyReadings(text)) {
            words.add(reading.value().toLowerCase(Locale.ROOT).replace("+", ""));
        }
        return words.stream().filter(w -> !w.isBlank()).distinct().limit(20).map(SearchQuery::term)
            .collect(Collectors.joining(" "));
    }

    private static String term(String word) {
        String escaped = escape(word);
        // Typos are for names and words; a digit off in a number is another number.
        boolean wordy = word.chars().anyMatch(Character::isLetter);
        int edits = !wordy ? 0 : word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
        return edits == 0 ? escaped : escaped + "^2 " + escaped + "~" + edits;
    }

    static String escape(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (LUCENE_SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

}
