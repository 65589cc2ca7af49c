package org.pangeagraph.resolution;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pangeagraph.entity.Node;
import org.pangeagraph.model.Disclosed;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.projection.SameAsClusters;

/** What the resolution queries answer with, as the schema's types read them. */
final class Views {

    private Views() {
    }

    /** A candidate pair with its score, match key, features and the judgements on it the caller may see. */
    record CandidateView(Node a, Node b, NodeKind kind, double score, List<String> matchKey, List<FeatureView> features,
            List<JudgementView> judgements) implements Disclosed {

        @Override
        public List<String> cases() {
            return List.of();
        }

        @Override
        public List<Object> about() {
            List<Object> about = new ArrayList<>(List.of(this.a, this.b));
            this.features.forEach(f -> about.addAll(f.items()));
            about.addAll(this.judgements);
            return about;
        }

    }

    /** A feature with the entities its evidence runs through. */
    record FeatureView(String name, double score, double weight, String detail, List<Node> items) {
    }

    /** A judgement as the caller may read it. */
    record JudgementView(String id, Verdict verdict, Node a, Node b, Double score, String judgedBy, ZonedDateTime judgedAt,
            String note, List<String> cases, ZonedDateTime retractedAt, String retractedBy, String retractionNote)
            implements Disclosed {

        @Override
        public List<Object> about() {
            return List.of(this.a, this.b);
        }

        static JudgementView of(Map<String, Object> props, Verdict verdict, Node a, Node b) {
            return new JudgementView(String.valueOf(props.get("id")), verdict, a, b,
                    props.get("score") instanceof Number n ? n.doubleValue() : null, (String) props.get("judgedBy"),
                    (ZonedDateTime) props.get("judgedAt"), (String) props.get("note"), strings(props.get("cases")),
                    (ZonedDateTime) props.get("retractedAt"), (String) props.get("retractedBy"), (String) props.get("retractionNote"));
        }

        static JudgementView of(SameAsClusters.Judged judged, Map<String, Node> nodes) {
            return of(judged.properties(), Verdict.of(judged.type()), nodes.get(judged.a()), nodes.get(judged.b()));
        }

    }

    /** The cluster of an entity: its members, the judgements joining them, and the negative ones inside it. */
    record ClusterView(List<Node> members, List<JudgementView> judgements, List<JudgementView> conflicts) {
    }

    /** A negative judgement inside a cluster, with the cluster. */
    record ConflictView(JudgementView judgement, ClusterView cluster) {
    }

    /** An entity from a map projection that carries its labels under {@code __labels}. */
    static Node node(org.neo4j.driver.Value value) {
        Map<String, Object> props = new java.util.HashMap<>(value.asMap());
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) props.remove("__labels");
        return new Node(NodeKind.ofLabels(labels).orElseThrow(), props);
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

}
