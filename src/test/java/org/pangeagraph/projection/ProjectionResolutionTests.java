package org.pangeagraph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.JudgementType;
import org.pangeagraph.model.NodeKind;

/**
 * A projection resolved by SAME_AS clusters, worked out by hand: four storefronts, two judged one; two
 * accounts judged one; two operators judged one; a NEGATIVE judgement, which merges nothing.
 *
 * <pre>
 *   w1 a.example ── pa1          w2 b.example ── pa2 ── w3 c.example        w1 ── p1 (operator)   w4 d.example ── p2
 *   SAME_AS: w1 = w2, pa1 = pa2, p1 = p2;  NOT_SAME_AS: w3 / w4
 * </pre>
 */
class ProjectionResolutionTests {

    private static final Projection GRAPH = ProjectionReader.projection(List.of("w1", "w2", "w3", "w4"),
            List.of("a.example", "b.example", "c.example", "d.example"), ProjectionReader.indexOf(List.of("w1", "w2", "w3", "w4")),
            List.of(new Projection.Item(InfrastructureKind.PAYMENT_ACCOUNT, "pa1", NodeKind.PAYMENT_ACCOUNT, new int[] { 0 }),
                    new Projection.Item(InfrastructureKind.PAYMENT_ACCOUNT, "pa2", NodeKind.PAYMENT_ACCOUNT, new int[] { 1, 2 }),
                    new Projection.Item(InfrastructureKind.OPERATOR, "p1", NodeKind.PERSON, new int[] { 0 }),
                    new Projection.Item(InfrastructureKind.OPERATOR, "p2", NodeKind.PERSON, new int[] { 3 })));

    private static SameAsClusters.Judged judged(String id, JudgementType type, String a, String b, NodeKind kind) {
        return new SameAsClusters.Judged(id, type, a, b, kind, Map.of("id", id, "judgedBy", "investigator"));
    }

    private static final SameAsClusters.Clusters CLUSTERS = SameAsClusters.of(List.of(
            judged("j1", JudgementType.SAME_AS, "w1", "w2", NodeKind.WEBSITE),
            judged("j2", JudgementType.SAME_AS, "pa1", "pa2", NodeKind.PAYMENT_ACCOUNT),
            judged("j3", JudgementType.SAME_AS, "p1", "p2", NodeKind.PERSON),
            judged("j4", JudgementType.NOT_SAME_AS, "w3", "w4", NodeKind.WEBSITE)));

    @Test
    void aClusterOfWebsitesIsOneWebsiteAndAClusterOfItemsOneItem() {
        Projection resolved = GRAPH.resolved(CLUSTERS);

        // w1 stands for w1 and w2; N is 3.
        assertThat(resolved.websiteIds()).containsExactly("w1", "w3", "w4");
        assertThat(resolved.domains()).containsExactly("a.example", "c.example", "d.example");
        assertThat(resolved.index()).containsExactlyInAnyOrderEntriesOf(Map.of("w1", 0, "w2", 0, "w3", 1, "w4", 2));
        assertThat(resolved.websiteCount()).isEqualTo(3);
        // pa1 and pa2 are one account of w1 (= w2) and w3: k = 2, weight 1.0 x ln(3 / 2).
        Projection.Item account = resolved.item(InfrastructureKind.PAYMENT_ACCOUNT, "pa2");
        assertThat(account.id()).isEqualTo("pa1");
        assertThat(account.websites()).containsExactly(0, 1);
        assertThat(resolved.weight(account)).isEqualTo(Math.log(3.0 / 2));
        // p1 and p2 are one operator of w1 and w4.
        assertThat(resolved.item(InfrastructureKind.OPERATOR, "p1").websites()).containsExactly(0, 2);
        assertThat(resolved.items()).hasSize(2);
        assertThat(resolved.merged()).containsExactlyInAnyOrderEntriesOf(
                Map.of("w1", List.of("w1", "w2"), "pa1", List.of("pa1", "pa2"), "p1", List.of("p1", "p2")));
    }

    @Test
    void withoutClustersTheProjectionIsItself() {
        assertThat(GRAPH.resolved(SameAsClusters.of(List.of(judged("j4", JudgementType.NOT_SAME_AS, "w3", "w4", NodeKind.WEBSITE)))))
            .isSameAs(GRAPH);
        assertThat(CLUSTERS.conflicts()).isEmpty();
    }

}
