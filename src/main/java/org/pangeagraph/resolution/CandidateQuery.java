package org.pangeagraph.resolution;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.entity.EntityReader;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.SameAsClusters;
import org.springframework.stereotype.Component;

/**
 * The candidates a caller is proposed: the index's pairs on the graph as it is, each shown only when the
 * caller may see both entities, scored again with the evidence of the links the caller may see, less
 * the pairs already decided (a standing POSITIVE or NEGATIVE judgement on the pair, or both in one
 * SAME_AS cluster), best first. A listing is cached by graph version, visibility and kinds.
 */
@Component
class CandidateQuery {

    /** The score a candidate needs to be proposed when the caller names no other. */
    static final double DEFAULT_MIN_SCORE = 0.7;

    static final int MAX_FIRST = 100;

    private final ResolutionIndex index;

    private final PairEvidence evidence;

    private final SameAsClusters clusters;

    private final EntityReader reader;

    private final GraphVersion version;

    private final Cache<List<Object>, List<Views.CandidateView>> listings = Caffeine.newBuilder().maximumSize(64)
        .expireAfterWrite(Duration.ofMinutes(10)).build();

    CandidateQuery(ResolutionIndex index, PairEvidence evidence, SameAsClusters clusters, EntityReader reader, GraphVersion version) {
        this.index = index;
        this.evidence = evidence;
        this.clusters = clusters;
        this.reader = reader;
        this.version = version;
    }

    /** A page of candidates (the name ends in Connection: Spring GraphQL passes it through as it is). */
    record CandidateConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {
    }

    /** A candidate and its cursor. */
    record Edge(String cursor, Views.CandidateView node) {
    }

    /** Where a page ends. */
    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    CandidateConnection candidates(List<NodeKind> kinds, Double minScore, int first, String after, Visibility visibility) {
        LimitExceededException.bounded("first", first, 0, MAX_FIRST);
        double min = minScore(minScore);
        Set<NodeKind> wanted = kinds == null || kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
        String graph = this.version.current();
        List<Object> key = List.of(graph, visibility.all(), visibility.cases().stream().sorted().distinct().toList(),
                wanted.stream().map(Enum::name).sorted().toList());
        List<Views.CandidateView> all = this.listings.get(key, k -> proposed(this.index.current().candidates(wanted), visibility));
        List<Views.CandidateView> above = all.stream().filter(c -> c.score() >= min).toList();
        int start = 0;
        if (after != null) {
            Cursor cursor = Cursor.decode(after);
            while (start < above.size() && !cursor.before(above.get(start))) {
                start++;
            }
        }
        List<Edge> edges = above.subList(start, Math.min(above.size(), start + first)).stream()
            .map(c -> new Edge(Cursor.of(c).encode(), c)).toList();
        return new CandidateConnection(edges, new PageInfo(start + first < above.size(), start > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), above.size());
    }

    /** The candidates of one entity, best first. */
    List<Views.CandidateView> candidatesFor(String id, Double minScore, int first, Visibility visibility) {
        LimitExceededException.bounded("first", first, 0, MAX_FIRST);
        double min = minScore(minScore);
        if (this.reader.byId(id, visibility) == null) {
            throw new NotFoundException("id", "entity with id " + id);
        }
        List<Views.CandidateView> mine = proposed(this.index.current().candidatesOf(id), visibility);
        return mine.stream().filter(c -> c.score() >= min).limit(first).toList();
    }

    /**
     * The score of two entities of one kind as the caller would be proposed them, scored on their values
     * and the links the caller sees now (in a mutation, with its writes), or null when nothing of theirs is
     * compared.
     */
    Double score(Node a, Node b, Visibility visibility) {
        Node first = a.id().compareTo(b.id()) < 0 ? a : b;
        Node second = first == a ? b : a;
        Scored scored = this.index.score(a.kind(), first.properties(), second.properties());
        if (scored == null) {
            return null;
        }
        CandidateIndex.Candidate pair = new CandidateIndex.Candidate(first.id(), second.id(), a.kind(), scored);
        PairEvidence.Read read = this.evidence.read(List.of(pair), visibility).get(PairEvidence.key(pair.a(), pair.b()));
        return read == null ? scored.score() : scored.with(read.features()).score();
    }

    /** The pairs the caller may see and has not decided, scored with their links, best first. */
    private List<Views.CandidateView> proposed(List<CandidateIndex.Candidate> candidates, Visibility visibility) {
        Map<String, PairEvidence.Read> reads = this.evidence.read(candidates, visibility);
        SameAsClusters.Clusters clustered = this.clusters.clusters(visibility);
        List<Views.CandidateView> proposed = new ArrayList<>();
        for (CandidateIndex.Candidate c : candidates) {
            PairEvidence.Read read = reads.get(PairEvidence.key(c.a(), c.b()));
            if (read == null || read.judgements().stream().anyMatch(j -> j.verdict().decides())
                    || (clustered.clusterOf().containsKey(c.a()) && clustered.cluster(c.a()).equals(clustered.cluster(c.b())))) {
                continue;
            }
            Scored scored = c.scored().with(read.features());
            List<Views.FeatureView> features = scored.features().stream()
                .map(f -> new Views.FeatureView(f.name(), f.score(), f.weight(), f.detail(),
                        f.itemIds().stream().map(read.items()::get).toList()))
                .toList();
            proposed.add(new Views.CandidateView(read.a(), read.b(), c.kind(), scored.score(), scored.matchKey(), features,
                    read.judgements()));
        }
        proposed.sort(ORDER);
        return List.copyOf(proposed);
    }

    private static final Comparator<Views.CandidateView> ORDER = Comparator.comparingDouble((Views.CandidateView c) -> -c.score())
        .thenComparing(c -> c.a().id()).thenComparing(c -> c.b().id());

    private static double minScore(Double minScore) {
        double min = minScore == null ? DEFAULT_MIN_SCORE : minScore;
        if (!(min >= 0 && min <= 1)) {
            throw new InvalidInputException("minScore", "must be between 0 and 1");
        }
        return Math.max(min, CandidateIndex.KEEP);
    }

    /** Where a page of candidates ends: the score and the two ids of its last candidate. */
    record Cursor(double score, String a, String b) {

        static Cursor of(Views.CandidateView c) {
            return new Cursor(c.score(), c.a().id(), c.b().id());
        }

        String encode() {
            String text = String.format(Locale.ROOT, "%s|%s|%s", Double.toString(this.score), this.a, this.b);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
                return new Cursor(Double.parseDouble(parts[0]), parts[1], parts[2]);
            }
            catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
                throw new InvalidInputException("after", "is not a cursor of this list");
            }
        }

        /** Whether this cursor's candidate comes before {@code c} in the listing's order. */
        boolean before(Views.CandidateView c) {
            int order = Double.compare(c.score(), this.score);
            if (order != 0) {
                return order < 0;
            }
            int byA = this.a.compareTo(c.a().id());
            return byA != 0 ? byA < 0 : this.b.compareTo(c.b().id()) < 0;
        }

    }

}
