package org.pangeagraph.projection;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.pangeagraph.model.Disclosed;

/**
 * A step through a SAME_AS cluster in the answer of a traversal asked with {@code resolve: true}: the
 * standing POSITIVE judgement that makes two entities one, as an API client reads it.
 *
 * @param judgementId the judgement's id
 * @param from the entity the judgement starts from (the lesser id)
 * @param to the other entity
 * @param judgedBy who judged
 * @param judgedAt when (UTC)
 * @param note the investigator's note, if any
 * @param cases the judgement's own cases, for the audit trail (not shown)
 */
public record SameAsStep(String judgementId, String from, String to, String judgedBy, ZonedDateTime judgedAt, String note,
        List<String> cases) implements Disclosed {

    public SameAsStep {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /** The step of a standing SAME_AS judgement. */
    public static SameAsStep of(SameAsClusters.Judged judged) {
        return of(judged.id(), judged.a(), judged.b(), judged.properties());
    }

    /** The step of the judgement {@code id} from {@code from} to {@code to}, from its stored properties. */
    public static SameAsStep of(String id, String from, String to, Map<String, Object> properties) {
        List<String> cases = properties.get("cases") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new SameAsStep(id, from, to, (String) properties.get("judgedBy"),
                properties.get("judgedAt") instanceof ZonedDateTime at ? at : null, (String) properties.get("note"), cases);
    }

    /** The entities are named by id only; the answer shows them where it shows them as entities. */
    @Override
    public List<Object> about() {
        return List.of();
    }

    /** Both ends, for the audit trail: a member may appear in the answer only here. */
    @Override
    public List<String> entityIds() {
        return List.of(this.from, this.to);
    }

    /** The steps of these judgements, each once, in judgement id order. */
    public static List<SameAsStep> of(Collection<SameAsClusters.Judged> judged) {
        return judged.stream().distinct().sorted(Comparator.comparing(SameAsClusters.Judged::id)).map(SameAsStep::of).toList();
    }

    /** Always {@code SAME_AS}: what kind of step this is. */
    public String kind() {
        return "SAME_AS";
    }

    /** The step in words: "via SAME_AS, judged by a.investigator on 2026-11-02". */
    public String evidence() {
        String day = this.judgedAt == null ? "an unknown day" : this.judgedAt.withZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        return "via SAME_AS, judged by " + this.judgedBy + " on " + day;
    }

}
