package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;

/**
 * Candidate pairs kept in memory and updated one entity at a time: each entity sits in the blocks of
 * its keys; a new or changed entity is compared with the members of its blocks only, and its old
 * pairs are dropped first. Pairs scoring below {@link #KEEP} are not kept. Key collisions (two keys
 * equal in normal form, or an entity the import left as written beside the one whose key it took)
 * are pairs of score 1. Not tied to the database: the measure runs it on generated entities.
 */
final class CandidateIndex {

    /** Pairs scoring below this on their values are not kept: evidence from links cannot lift them far enough. */
    static final double KEEP = 0.05;

    /**
     * A block with more members than this is too common to tell anything (a phonetic code and initial
     * that thousands share): a new member is not compared with the others through it.
     */
    static final int MAX_BLOCK = 1_000;

    /** A pair proposed on the values of its entities, {@code a} before {@code b} by id. */
    record Candidate(String a, String b, NodeKind kind, Scored scored) {

        String other(String id) {
            return this.a.equals(id) ? this.b : this.a;
        }

    }

    private final Map<NodeKind, KindResolver<?>> resolvers;

    private final Map<String, Profile> profiles = new HashMap<>();

    private final Map<String, Members> blocks = new HashMap<>();

    private final Map<String, Map<String, Candidate>> pairs = new HashMap<>();

    private final Map<NodeKind, Integer> counts = new EnumMap<>(NodeKind.class);

    /** How many pairs were scored since the index was made, for the benchmark. */
    private long comparisons;

    CandidateIndex(Collection<KindResolver<?>> resolvers) {
        Map<NodeKind, KindResolver<?>> byKind = new EnumMap<>(NodeKind.class);
        resolvers.forEach(r -> byKind.put(r.kind(), r));
        this.resolvers = byKind;
    }

    /** The resolvers of every kind with a scorer. */
    static List<KindResolver<?>> standardResolvers() {
        return List.of(new PersonResolver(), new CompanyResolver(), new WebsiteResolver(), new AccountResolver(),
                new PhoneResolver(), new EmailResolver(), new ProductResolver());
    }

    KindResolver<?> resolver(NodeKind kind) {
        return this.resolvers.get(kind);
    }

    Set<NodeKind> scoredKinds() {
        return this.resolvers.keySet();
    }

    /** A profile of the entity with these values, prepared by its kind's scorer. */
    Profile profile(String id, NodeKind kind, Map<String, Object> values, String collidesWith) {
        return new Profile(id, kind, values, collidesWith, this.resolvers.get(kind));
    }

    /** Adds the entity, or replaces what was kept of it, and compares it with the members of its blocks. */
    synchronized void put(Profile profile) {
        remove(profile.id);
        this.profiles.put(profile.id, profile);
        if (this.resolvers.containsKey(profile.kind)) {
            this.counts.merge(profile.kind, 1, Integer::sum);
        }
        Set<String> compared = new HashSet<>();
        for (String key : keys(profile)) {
            Members members = this.blocks.computeIfAbsent(key, k -> new Members());
            if (members.size <= MAX_BLOCK) {
                for (int i = 0; i < members.size; i++) {
                    String other = members.ids[i];
                    if (compared.add(other)) {
                        compare(profile, this.profiles.get(other));
                    }
                }
            }
            members.add(profile.id);
        }
        if (profile.collidesWith != null && !profile.collidesWith.equals(profile.id) && !compared.contains(profile.collidesWith)) {
            keep(new Candidate(first(profile.id, profile.collidesWith), second(profile.id, profile.collidesWith), profile.kind,
                    Scored.of(0, List.of(collision(profile)))));
        }
    }

    /** Forgets the entity and its pairs. */
    synchronized void remove(String id) {
        Profile old = this.profiles.remove(id);
        if (old == null) {
            return;
        }
        if (this.resolvers.containsKey(old.kind)) {
            this.counts.merge(old.kind, -1, Integer::sum);
        }
        for (String key : keys(old)) {
            Members members = this.blocks.get(key);
            if (members != null && members.remove(id) && members.size == 0) {
                this.blocks.remove(key);
            }
        }
        Map<String, Candidate> mine = this.pairs.remove(id);
        if (mine != null) {
            for (String other : mine.keySet()) {
                Map<String, Candidate> theirs = this.pairs.get(other);
                if (theirs != null) {
                    theirs.remove(id);
                    if (theirs.isEmpty()) {
                        this.pairs.remove(other);
                    }
                }
            }
        }
    }

    synchronized void clear() {
        this.profiles.clear();
        this.blocks.clear();
        this.pairs.clear();
        this.counts.clear();
    }

    synchronized boolean contains(String id) {
        return this.profiles.containsKey(id);
    }

    /** How many entities of a scored kind the index holds. */
    synchronized int count(NodeKind kind) {
        return this.counts.getOrDefault(kind, 0);
    }

    synchronized long comparisons() {
        return this.comparisons;
    }

    /** Every pair kept of these kinds (all kinds when empty). */
    synchronized List<Candidate> candidates(Set<NodeKind> kinds) {
        List<Candidate> all = new ArrayList<>();
        this.pairs.forEach((id, theirs) -> theirs.values().forEach(c -> {
            if (c.a().equals(id) && (kinds.isEmpty() || kinds.contains(c.kind()))) {
                all.add(c);
            }
        }));
        return all;
    }

    /** The pairs of one entity. */
    synchronized List<Candidate> candidatesOf(String id) {
        return List.copyOf(this.pairs.getOrDefault(id, Map.of()).values());
    }

    /** The pair of these two entities, if kept. */
    synchronized Candidate pair(String a, String b) {
        return this.pairs.getOrDefault(a, Map.of()).get(b);
    }

    private void compare(Profile a, Profile b) {
        if (b == null || a.kind != b.kind || a.id.equals(b.id)) {
            return;
        }
        this.comparisons++;
        Scored scored = score(a, b);
        if (scored != null && scored.score() >= KEEP) {
            keep(new Candidate(first(a.id, b.id), second(a.id, b.id), a.kind, scored));
        }
    }

    /** The score of two entities of one kind on their values, or null when nothing was compared. */
    Scored score(Profile a, Profile b) {
        List<Feature> features = new ArrayList<>();
        if (a.normalKey != null && a.normalKey.equals(b.normalKey)) {
            features.add(Feature.of(Scored.KEY_COLLISION, 1, 0, "keys equal in normal form: '" + first(a, b).key + "' and '"
                    + second(a, b).key + "' are both '" + a.normalKey + "'"));
        }
        else if (a.id.equals(b.collidesWith) || b.id.equals(a.collidesWith)) {
            features.add(collision(a.id.equals(b.collidesWith) ? b : a));
        }
        KindResolver<?> resolver = this.resolvers.get(a.kind);
        double prior = 0;
        if (resolver != null) {
            prior = resolver.prior();
            features.addAll(resolver.features(first(a, b), second(a, b)));
        }
        return features.isEmpty() ? null : Scored.of(prior, features);
    }

    private static Feature collision(Profile collider) {
        return Feature.of(Scored.KEY_COLLISION, 1, 0, "imported as '" + collider.key
                + "', whose normal form is the key of this other entity; the import left it as written");
    }

    private void keep(Candidate candidate) {
        this.pairs.computeIfAbsent(candidate.a(), k -> new HashMap<>()).put(candidate.b(), candidate);
        this.pairs.computeIfAbsent(candidate.b(), k -> new HashMap<>()).put(candidate.a(), candidate);
    }

    /** The blocks of an entity: its scorer's keys and its key in normal form, each within its kind. */
    private Set<String> keys(Profile profile) {
        Set<String> keys = new LinkedHashSet<>();
        String kind = profile.kind.name() + "/";
        if (profile.normalKey != null) {
            keys.add(kind + "key:" + profile.normalKey);
        }
        KindResolver<?> resolver = this.resolvers.get(profile.kind);
        if (resolver != null) {
            resolver.blockingKeys(profile).forEach(k -> keys.add(kind + k));
        }
        return keys;
    }

    private static Profile first(Profile a, Profile b) {
        return a.id.compareTo(b.id) <= 0 ? a : b;
    }

    private static Profile second(Profile a, Profile b) {
        return a.id.compareTo(b.id) <= 0 ? b : a;
    }

    private static String first(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String second(String a, String b) {
        return a.compareTo(b) <= 0 ? b : a;
    }

    /** The ids in one block: an array, as most blocks hold one or two. */
    private static final class Members {

        private String[] ids = new String[1];

        private int size;

        void add(String id) {
            if (this.size == this.ids.length) {
                this.ids = Arrays.copyOf(this.ids, this.size * 2);
            }
            this.ids[this.size++] = id;
        }

        boolean remove(String id) {
            for (int i = 0; i < this.size; i++) {
                if (this.ids[i].equals(id)) {
                    this.ids[i] = this.ids[--this.size];
                    this.ids[this.size] = null;
                    return true;
                }
            }
            return false;
        }

    }

}
