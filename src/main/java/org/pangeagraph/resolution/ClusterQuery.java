package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.entity.EntityReader;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.SameAsClusters;
import org.springframework.stereotype.Component;

/** The SAME_AS cluster of an entity, and the conflicts: negative judgements inside a cluster. */
@Component
class ClusterQuery {

    static final int MAX_FIRST = 100;

    private final SameAsClusters clusters;

    private final EntityReader reader;

    ClusterQuery(SameAsClusters clusters, EntityReader reader) {
        this.clusters = clusters;
        this.reader = reader;
    }

    /** The cluster of {@code id}: its members, every standing judgement touching one of them, and the conflicts inside it. */
    Views.ClusterView cluster(String id, Visibility visibility) {
        if (this.reader.byId(id, visibility) == null) {
            throw new NotFoundException("id", "entity with id " + id);
        }
        return view(this.clusters.clusters(visibility), id, visibility);
    }

    /** The conflicts the caller may see, each with its cluster. */
    List<Views.ConflictView> conflicts(int first, Visibility visibility) {
        LimitExceededException.bounded("first", first, 0, MAX_FIRST);
        SameAsClusters.Clusters all = this.clusters.clusters(visibility);
        List<Views.ConflictView> conflicts = new ArrayList<>();
        for (SameAsClusters.Judged conflict : all.conflicts().stream().limit(first).toList()) {
            Views.ClusterView cluster = view(all, conflict.a(), visibility);
            Views.JudgementView judgement = cluster.conflicts().stream().filter(j -> j.id().equals(conflict.id())).findFirst().orElseThrow();
            conflicts.add(new Views.ConflictView(judgement, cluster));
        }
        return conflicts;
    }

    private Views.ClusterView view(SameAsClusters.Clusters all, String id, Visibility visibility) {
        List<String> members = all.membersOf(id);
        Set<String> inside = new HashSet<>(members);
        List<SameAsClusters.Judged> touching = all.judgements().stream()
            .filter(j -> inside.contains(j.a()) || inside.contains(j.b())).toList();
        Set<String> ids = new LinkedHashSet<>(members);
        touching.forEach(j -> {
            ids.add(j.a());
            ids.add(j.b());
        });
        Map<String, Node> nodes = this.reader.byIds(List.copyOf(ids), visibility);
        List<Views.JudgementView> judgements = touching.stream().map(j -> Views.JudgementView.of(j, nodes)).toList();
        Set<String> conflictIds = new HashSet<>(all.conflicts().stream().map(SameAsClusters.Judged::id).toList());
        return new Views.ClusterView(members.stream().map(nodes::get).toList(), judgements,
                judgements.stream().filter(j -> conflictIds.contains(j.id()) && inside.contains(j.a().id())).toList());
    }

}
