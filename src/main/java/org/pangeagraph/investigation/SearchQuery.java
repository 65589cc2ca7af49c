package org.pangeagraph.investigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.EntityReader;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Bounded;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Search as an investigator types: the text is first read as a key of every kind it can be (a URL
 * becomes a domain, a spaced IBAN a compact one, a formatted phone number its E.164 form) and looked up
 * exactly; then the fulltext index is asked for its words, each also allowing one typo in names, titles
 * and address text. Exact key matches rank first; the other hits by how many of the words they hold as
 * typed or one typo away ({@link SearchTerms}), then the shorter text, then caption and id. Every
 * ranking fact is the hit's own: entities of cases the caller may not see change neither which visible
 * entities are found nor their scores or order.
 */
@Component
class SearchQuery {

    static final int MAX_HITS = 100;

    /** Scored above any fulltext relevance, so exact key matches come first. */
    static final double EXACT_SCORE = 1_000;

    /**
     * The most visible entities a search may match: every match is read and scored (Lucene's own
     * ranking depends on hidden entities), so a search matching more is refused; a word more, or
     * kinds, narrow it.
     */
    static final int MAX_MATCHES = 10_000;

    private static final String FULLTEXT = CypherTemplate.statement("""
            CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node
            WHERE visible(node) AND ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
            RETURN node {.*} AS props, labels(node) AS labels
            LIMIT $matches
            """);

    private static final Comparator<Hit> EXACT_ORDER = Comparator.comparing(Hit::caption).thenComparing(h -> h.node().id());

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
        List<String> words = words(trimmed, readings);
        params.put("query", SearchTerms.luceneQuery(words));
        params.put("matches", MAX_MATCHES + 1);
        return this.db.read(tx -> {
            Map<String, Hit> hits = new LinkedHashMap<>();
            List<Hit> exact = new ArrayList<>();
            for (Record r : readings.isEmpty() ? List.<Record>of() : tx.run(exactQuery(readings), params)) {
                Node node = EntityReader.node(r);
                exact.add(new Hit(node, node.kind(), node.caption(), EXACT_SCORE, true));
            }
            exact.sort(EXACT_ORDER);
            exact.forEach(hit -> hits.putIfAbsent(hit.node().id(), hit));
            if (!words.isEmpty()) {
                List<Record> matches = tx.run(FULLTEXT, params);
                if (matches.size() > MAX_MATCHES) {
                    throw new LimitExceededException("text", "matches more than " + MAX_MATCHES
                            + " entities; add a word or choose kinds to narrow the search");
                }
                rank(words, matches).forEach(hit -> hits.putIfAbsent(hit.node().id(), hit));
            }
            return hits.values().stream().limit(first).toList();
        });
    }

    /** The words looked for: the text's, then those of the keys it can be read as, in normal form. */
    static List<String> words(String text, List<KeyReading> readings) {
        List<String> words = new ArrayList<>(SearchTerms.words(text));
        for (KeyReading reading : readings) {
            words.addAll(SearchTerms.words(reading.value()));
        }
        return words.stream().distinct().limit(SearchTerms.MAX_WORDS).toList();
    }

    /** The fulltext candidates that hold a word, best first: points, then the shorter text, caption and id. */
    private static List<Hit> rank(List<String> words, List<Record> matches) {
        record Scored(Hit hit, int length) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Record r : matches) {
            Node node = EntityReader.node(r);
            SearchTerms.Score score = SearchTerms.score(words, node.properties());
            if (score.points() > 0) {
                scored.add(new Scored(new Hit(node, node.kind(), node.caption(), score.points(), false), score.length()));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.hit().score()).thenComparingInt(Scored::length)
            .thenComparing(s -> s.hit().caption()).thenComparing(s -> s.hit().node().id()));
        return scored.stream().map(Scored::hit).toList();
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

    /** A text is read at most once per kind; the model has fewer kinds than this. */
    private static final int MAX_READINGS = 32;

    /** Whether a seek is the first of the union or follows another. */
    private enum Joint implements CypherTemplate.Keyword {

        FIRST(""), UNION("UNION ");

        private final String cypher;

        Joint(String cypher) {
            this.cypher = cypher;
        }

        @Override
        public String cypher() {
            return this.cypher;
        }

    }

    private record SeekParts(Joint joint, NodeKind kind, @Bounded(max = MAX_READINGS) int index) {
    }

    /** An index seek of one kind's key, the key in {@code $key<index>}. */
    private static final CypherTemplate<SeekParts> SEEK = CypherTemplate.of(SeekParts.class, """
              {{joint}}MATCH (n:{{kind}} { {{kind.key}}: $key{{index}} }) RETURN n
            """);

    private record ExactParts(List<CypherTemplate.Fragment> seeks) {
    }

    /** The entities whose key is one of the readings, one index seek each, that the caller may see. */
    private static final CypherTemplate<ExactParts> EXACT = CypherTemplate.of(ExactParts.class, """
            CALL () {
            {{seeks}}
            }
            WITH n WHERE visible(n) AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
            RETURN n {.*} AS props, labels(n) AS labels
            """);

    /** The exact-match statement for these readings: one index seek each. */
    private static String exactQuery(List<KeyReading> readings) {
        List<CypherTemplate.Fragment> seeks = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            seeks.add(SEEK.fragment(new SeekParts(i == 0 ? Joint.FIRST : Joint.UNION, readings.get(i).kind(), i)));
        }
        return EXACT.text(new ExactParts(seeks));
    }

}
