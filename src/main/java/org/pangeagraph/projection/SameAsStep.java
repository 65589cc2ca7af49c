package org.pangeagraph.projection;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
 */
public record SameAsStep(String judgementId, String from, String to, String judgedBy, ZonedDateTime judgedAt, String note) {

    /** The step of a standing SAME_AS judgement. */
    public static SameAsStep of(SameAsClusters.Judged judged) {
        Object at = judged.judgedAt();
        return new SameAsStep(judged.id(), judged.a(), judged.b(), judged.judgedBy(), at instanceof ZonedDateTime z ? z : null,
                (String) judged.properties().get("note"));
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
