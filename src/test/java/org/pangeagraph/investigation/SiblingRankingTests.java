package org.pangeagraph.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.support.Seeded;

/**
 * Ranking siblings with common items (a national courier, a big host) set aside at first must give the
 * answer of scoring every website that shares anything: the same websites in the same order, with the
 * same scores and shared items.
 */
class SiblingRankingTests {

    @Test
    void settingCommonItemsAsideChangesNothing() {
        Seeded.forAll("setting common items aside", 20261130L, 3_000, SiblingRankingTests::settingCommonItemsAsideChangesNothing);
    }

    private static void settingCommonItemsAsideChangesNothing(Random random) {
        int websites = 2 + random.nextInt(300);
        Candidates candidates = candidates(websites);
        int self = random.nextInt(websites);
        List<SharedInfrastructureQuery.Reached> reached = new ArrayList<>();
        int items = 1 + random.nextInt(30);
        for (int i = 0; i < items; i++) {
            // Mostly small items, some reached by nearly every website.
            int size = random.nextInt(4) == 0 ? websites / 2 + random.nextInt(websites / 2 + 1) : 1 + random.nextInt(Math.min(websites, 12));
            reached.add(item(random, "item-" + i, self, websites, size));
        }
        int first = 1 + random.nextInt(12);
        Double minScore = random.nextInt(3) == 0 ? random.nextDouble() * 6 : null;
        int commonAbove = 1 + random.nextInt(websites);
        long n = websites + random.nextInt(50);

        List<String> pruned = described(SiblingRanking.rank(self, reached, candidates, n, minScore, first, commonAbove));
        List<String> all = described(SiblingRanking.rankAll(self, rareFirst(reached, commonAbove), candidates, n, minScore, first));

        assertThat(pruned).isEqualTo(all);
    }

    @Test
    void aNetworkWebsiteIsRankedOnItsSharedAccountsAboveTheCourierEveryoneUses() {
        // Websites 0-4 share a merchant account; all 200 use one courier, and 3 of them an IP besides.
        Candidates candidates = candidates(200);
        List<SharedInfrastructureQuery.Reached> reached = List.of(
                new SharedInfrastructureQuery.Reached(InfrastructureKind.PAYMENT_ACCOUNT, node("account"), List.of(), new int[] { 0, 1, 2, 3, 4 }),
                new SharedInfrastructureQuery.Reached(InfrastructureKind.IP_ADDRESS, node("ip"), List.of(), new int[] { 0, 150, 151 }),
                new SharedInfrastructureQuery.Reached(InfrastructureKind.COURIER, node("courier"), List.of(),
                        java.util.stream.IntStream.range(0, 200).toArray()));

        List<SiblingRanking.Score> ranked = SiblingRanking.rank(0, reached, candidates, 1000, null, 5, 100);

        assertThat(ranked).extracting(score -> score.id).containsExactly("w1", "w2", "w3", "w4", "w150");
        double account = InfrastructureKind.PAYMENT_ACCOUNT.weight(5, 1000);
        double courier = InfrastructureKind.COURIER.weight(200, 1000);
        assertThat(ranked.get(0).score).isEqualTo(account + courier);
        assertThat(ranked.get(0).shared).extracting(r -> r.item().id()).containsExactly("account", "courier");
        assertThat(ranked.get(4).shared).extracting(r -> r.item().id()).containsExactly("ip", "courier");
    }

    private static Candidates candidates(int websites) {
        Candidates candidates = new Candidates(Optional.empty());
        for (int i = 0; i < websites; i++) {
            // Domains in another order than indexes, so that ties are broken by domain, not by index.
            assertThat(candidates.index("w" + i, String.format("site-%03d.example", (i * 37) % 1000))).isEqualTo(i);
        }
        return candidates;
    }

    private static SharedInfrastructureQuery.Reached item(Random random, String id, int self, int websites, int size) {
        TreeSet<Integer> servers = new TreeSet<>();
        servers.add(self);
        while (servers.size() < size) {
            servers.add(random.nextInt(websites));
        }
        InfrastructureKind kind = InfrastructureKind.values()[random.nextInt(InfrastructureKind.values().length)];
        return new SharedInfrastructureQuery.Reached(kind, node(id), List.of(), servers.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Node node(String id) {
        return new Node(NodeKind.PAYMENT_ACCOUNT, Map.of("id", id));
    }

    private static List<SharedInfrastructureQuery.Reached> rareFirst(List<SharedInfrastructureQuery.Reached> reached, int commonAbove) {
        List<SharedInfrastructureQuery.Reached> ordered = new ArrayList<>(reached.stream().filter(r -> r.servers().length <= commonAbove).toList());
        ordered.addAll(reached.stream().filter(r -> r.servers().length > commonAbove).toList());
        return ordered;
    }

    private static List<String> described(List<SiblingRanking.Score> ranked) {
        return ranked.stream().map(s -> s.id + " " + s.score + " " + s.shared.stream().map(r -> r.item().id()).sorted().toList()).toList();
    }

}
