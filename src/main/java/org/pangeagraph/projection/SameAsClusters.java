package org.pangeagraph.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.JudgementType;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * The standing judgements the caller may see (not retracted, the judgement and both its entities
 * visible) and the clusters that the positive ones ({@code SAME_AS}) make: entities joined by a chain
 * of them are one. A negative judgement ({@code NOT_SAME_AS}) between two members of one cluster is a
 * conflict. Read in one statement, cached by graph version and visibility: judgements are made by hand
 * and number in the thousands, not millions. Entity resolution shows them; {@link Projection#resolved}
 * counts each cluster as one entity, for the traversals' {@code resolve: true} to come.
 */
@Component
public class SameAsClusters {

    /**
     * The most entities a cluster may have to count as one entity in a traversal ({@code resolve: true}):
     * clusters are made by hand, a judgement at a time, and a traversal puts every member of a cluster it
     * meets in its statements' lists. A traversal that meets a larger cluster is refused
     * ({@code LIMIT_EXCEEDED} on {@code resolve}).
     */
    public static final int MAX_MEMBERS = 50;

    private record ReadParts(List<JudgementType> types) {
    }

    /** Every standing judgement the caller may see, between two entities they may see. */
    static final String READ = CypherTemplate.of(ReadParts.class, """
            MATCH (a:Entity)-[j:{{types}}]->(b:Entity)
            WHERE standing(j) AND visible(j) AND visible(a) AND visible(b)
            RETURN type(j) AS type, j {.*} AS judgement, a.id AS a, b.id AS b, labels(a) AS labels
            """).text(new ReadParts(List.of(JudgementType.values())));

    private final GraphDb db;

    private final GraphVersion version;

    private final Cache<List<Object>, Clusters> cache = Caffeine.newBuilder().maximumSize(64)
        .expireAfterWrite(Duration.ofMinutes(10)).build();

    SameAsClusters(GraphDb db, GraphVersion version) {
        this.db = db;
        this.version = version;
    }

    /** A standing judgement: its id, type, the two entities (by id, {@code a} its start) and its stored properties. */
    public record Judged(String id, JudgementType type, String a, String b, NodeKind kind, Map<String, Object> properties) {

        /** Who made the judgement. */
        public String judgedBy() {
            return (String) this.properties.get("judgedBy");
        }

        /** When, as stored. */
        public Object judgedAt() {
            return this.properties.get("judgedAt");
        }

        public String other(String id) {
            return this.a.equals(id) ? this.b : this.a;
        }

    }

    /**
     * The clusters of the caller's view.
     *
     * @param judgements every standing judgement the caller may see, in id order
     * @param clusterOf each clustered entity's cluster, named by its least id
     * @param members each cluster's entities, by name, in id order
     */
    public record Clusters(List<Judged> judgements, Map<String, String> clusterOf, Map<String, List<String>> members) {

        /** The cluster an entity belongs to: its name, or the entity's own id when it is in none. */
        public String cluster(String id) {
            return this.clusterOf.getOrDefault(id, id);
        }

        /** The entities of the cluster of {@code id}: itself alone when it is in none. */
        public List<String> membersOf(String id) {
            return this.members.getOrDefault(cluster(id), List.of(id));
        }

        /** The SAME_AS judgements within the cluster of {@code id}. */
        public List<Judged> sameAs(String id) {
            String cluster = cluster(id);
            return this.judgements.stream().filter(j -> j.type() == JudgementType.SAME_AS && cluster(j.a()).equals(cluster)).toList();
        }

        /** The judgements between these two entities. */
        public List<Judged> between(String a, String b) {
            return this.judgements.stream().filter(j -> (j.a().equals(a) && j.b().equals(b)) || (j.a().equals(b) && j.b().equals(a)))
                .toList();
        }

        /** Negative judgements between two members of one cluster. */
        public List<Judged> conflicts() {
            return this.judgements.stream()
                .filter(j -> j.type() == JudgementType.NOT_SAME_AS && cluster(j.a()).equals(cluster(j.b())) && this.clusterOf.containsKey(j.a()))
                .toList();
        }

        /**
         * The members of the cluster of {@code id}, as {@link #membersOf}, for a traversal with
         * {@code resolve: true}.
         *
         * @throws LimitExceededException if the cluster has more than {@link #MAX_MEMBERS}
         */
        public List<String> boundedMembersOf(String id) {
            List<String> members = membersOf(id);
            if (members.size() > MAX_MEMBERS) {
                throw new LimitExceededException("resolve", "meets the SAME_AS cluster of " + id + ", of " + members.size()
                        + " entities; at most " + MAX_MEMBERS + " count as one");
            }
            return members;
        }

        /** The members of the clusters of {@code ids}, each once, in the order met, bounded as {@link #boundedMembersOf}. */
        public List<String> boundedMembersOf(java.util.Collection<String> ids) {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
            for (String id : ids) {
                all.add(id);
                all.addAll(boundedMembersOf(id));
            }
            return List.copyOf(all);
        }

        /** The SAME_AS judgements joining two entities of {@code ids}, in id order. */
        public List<Judged> sameAsAmong(java.util.Set<String> ids) {
            return this.judgements.stream()
                .filter(j -> j.type() == JudgementType.SAME_AS && ids.contains(j.a()) && ids.contains(j.b()))
                .toList();
        }

        /** The steps within the clusters of {@code ids}: every SAME_AS judgement of each. */
        public List<SameAsStep> steps(java.util.Collection<String> ids) {
            java.util.Set<String> clusters = new java.util.HashSet<>();
            for (String id : ids) {
                if (this.clusterOf.containsKey(id)) {
                    clusters.add(this.clusterOf.get(id));
                }
            }
            if (clusters.isEmpty()) {
                return List.of();
            }
            return SameAsStep.of(this.judgements.stream()
                .filter(j -> j.type() == JudgementType.SAME_AS && clusters.contains(cluster(j.a())))
                .toList());
        }

        /** Whether any entity is in a cluster of more than one. */
        public boolean isEmpty() {
            return this.members.isEmpty();
        }

    }

    /** The clusters as the caller may see them, on the graph as it is. */
    public Clusters clusters(Visibility visibility) {
        List<Object> key = List.of(this.version.current(), visibility.all(),
                visibility.all() ? List.of() : visibility.cases().stream().sorted().distinct().toList());
        return this.cache.get(key, k -> read(visibility));
    }

    private Clusters read(Visibility visibility) {
        List<Judged> judgements = new ArrayList<>(this.db.query(READ, visibility.parameters(), r -> {
            Map<String, Object> props = r.get("judgement").asMap();
            NodeKind kind = NodeKind.ofLabels(r.get("labels").asList(v -> v.asString())).orElse(null);
            return new Judged(String.valueOf(props.get("id")), JudgementType.valueOf(r.get("type").asString()), r.get("a").asString(),
                    r.get("b").asString(), kind, props);
        }));
        judgements.sort(Comparator.comparing(Judged::id));
        return of(judgements);
    }

    /** The clusters the positive judgements among {@code judgements} make (union-find). */
    static Clusters of(List<Judged> judgements) {
        Map<String, String> parent = new HashMap<>();
        for (Judged j : judgements) {
            if (j.type() == JudgementType.SAME_AS) {
                String x = find(parent, j.a());
                String y = find(parent, j.b());
                if (!x.equals(y)) {
                    // The least id names the cluster.
                    if (x.compareTo(y) < 0) {
                        parent.put(y, x);
                    }
                    else {
                        parent.put(x, y);
                    }
                }
            }
        }
        Map<String, String> clusterOf = new HashMap<>();
        Map<String, TreeSet<String>> members = new HashMap<>();
        for (String id : new ArrayList<>(parent.keySet())) {
            String root = find(parent, id);
            clusterOf.put(id, root);
            members.computeIfAbsent(root, r -> new TreeSet<>()).add(id);
        }
        Map<String, List<String>> lists = new HashMap<>();
        members.forEach((root, ids) -> lists.put(root, List.copyOf(ids)));
        return new Clusters(List.copyOf(judgements), Map.copyOf(clusterOf), Map.copyOf(lists));
    }

    private static String find(Map<String, String> parent, String id) {
        parent.putIfAbsent(id, id);
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        // Path compression: the next find is one step.
        String at = id;
        while (!at.equals(root)) {
            String next = parent.get(at);
            parent.put(at, root);
            at = next;
        }
        return root;
    }

}
