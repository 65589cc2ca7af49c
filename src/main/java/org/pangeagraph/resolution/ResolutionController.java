package org.pangeagraph.resolution;

import java.util.List;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.NodeKind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Entity resolution: candidates, judgements, clusters and conflicts. */
@Controller
class ResolutionController {

    private final CandidateQuery candidates;

    private final Judgements judgements;

    private final ClusterQuery clusters;

    ResolutionController(CandidateQuery candidates, Judgements judgements, ClusterQuery clusters) {
        this.candidates = candidates;
        this.judgements = judgements;
        this.clusters = clusters;
    }

    @QueryMapping
    CandidateQuery.CandidateConnection resolutionCandidates(@Argument List<NodeKind> kinds, @Argument Double minScore, @Argument int first,
            @Argument String after, @ContextValue Caller caller) {
        return this.candidates.candidates(kinds, minScore, first, after, caller.visibility());
    }

    @QueryMapping
    List<Views.CandidateView> resolutionCandidatesFor(@Argument String id, @Argument Double minScore, @Argument int first,
            @ContextValue Caller caller) {
        return this.candidates.candidatesFor(id, minScore, first, caller.visibility());
    }

    @QueryMapping
    Views.ClusterView sameAsCluster(@Argument String id, @ContextValue Caller caller) {
        return this.clusters.cluster(id, caller.visibility());
    }

    @QueryMapping
    List<Views.ConflictView> resolutionConflicts(@Argument int first, @ContextValue Caller caller) {
        return this.clusters.conflicts(first, caller.visibility());
    }

    @MutationMapping
    Judgements.JudgementPayload judgeCandidate(@Argument Judgements.JudgementInput input, @ContextValue Caller caller) {
        return this.judgements.judge(input, caller);
    }

    @MutationMapping
    Judgements.JudgementPayload retractJudgement(@Argument String id, @Argument String note, @ContextValue Caller caller) {
        return this.judgements.retract(id, note, caller);
    }

}
