package org.pangeagraph.db.changes;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.pangeagraph.model.Visibility;

/**
 * One change of the feed: an entity or a link created, changed or deleted, by one committed write.
 *
 * @param sequence its place in the feed: monotonic, one more than the change before, no gaps
 * @param at when the write committed (system time, UTC)
 * @param graphVersion the graph version the write left
 * @param user who wrote it: the user of a mutation or import, {@code bolt} for another client of the
 * embedded database, {@code application} for the application's own work, or for a reconciled change
 * the link's {@code recordedBy} (else {@code unknown})
 * @param importRun the import run that wrote it, or null
 * @param origin where the write came from
 * @param kind what it did
 * @param entity the entity, for entity changes
 * @param linkId the link's id, for link changes (null for a link not yet completed by the post-import pass)
 * @param type the link's relationship type (the model's name), for link changes
 * @param from the link's start, for link changes
 * @param to the link's end, for link changes
 * @param provenance the link's source, grade, validFrom, validTo, recordedAt, recordedBy and cases as the change
 * left them (as they were, for a deletion)
 * @param properties the names of the properties the change set or removed
 * @param caseSets the case sets of every fact the change touches (the entity before and after; the link and its
 * two ends): a reader sees the change only if they see each of them
 * @param linkElementId the database's own id of the link, for link changes; never shown to users
 * @param casesBefore the entity's or the link's own cases before the change, when it changed them; null when it
 * did not, or when that is not known (a change found by the reconciliation)
 */
public record Change(long sequence, ZonedDateTime at, String graphVersion, String user, String importRun,
        ChangeOrigin origin, ChangeKind kind, ChangedEntity entity, String linkId, String type, ChangedEntity from,
        ChangedEntity to, Map<String, Object> provenance, List<String> properties, List<List<String>> caseSets,
        String linkElementId, List<String> casesBefore) {

    public Change {
        provenance = provenance == null ? Map.of() : provenance;
        properties = properties == null ? List.of() : List.copyOf(properties);
        caseSets = caseSets == null ? List.of() : caseSets.stream().map(List::copyOf).toList();
        casesBefore = casesBefore == null ? null : List.copyOf(casesBefore);
    }

    /** The same change at its place in a batch written by the listener or the reconciliation. */
    Change placed(long sequenceInFeed, ZonedDateTime committedAt, String version, String writer, String run,
            ChangeOrigin writtenFrom) {
        return new Change(sequenceInFeed, committedAt, version, writer, run, writtenFrom, this.kind, this.entity,
                this.linkId, this.type, this.from, this.to, this.provenance, this.properties, this.caseSets, this.linkElementId,
                this.casesBefore);
    }

    /** Whether a reader who sees facts of {@code visible} cases sees every fact this change touches. */
    public boolean visibleTo(java.util.function.Predicate<List<String>> visible) {
        return this.caseSets.stream().allMatch(visible);
    }

    /**
     * Whether the reader is told of the change: they see every fact it touches, and it changes something
     * they see. A change of a fact's cases alone that only adds or removes cases the reader is not in (case
     * B taking up a storefront that case A follows) shows them nothing, and would tell them of another case.
     */
    public boolean shownTo(Visibility reader) {
        return visibleTo(reader::sees) && (!this.properties.equals(List.of("cases")) || casesChangeShownTo(reader));
    }

    /** The names of the properties the change set or removed, as the reader is told them: {@code cases} only if theirs changed. */
    public List<String> propertiesShownTo(Visibility reader) {
        return !this.properties.contains("cases") || casesChangeShownTo(reader) ? this.properties
                : this.properties.stream().filter(name -> !name.equals("cases")).toList();
    }

    /**
     * Whether the reader sees the fact's cases change: the cases of theirs among them differ before and
     * after. When the cases before are not known (a change the reconciliation found), only a reader who
     * sees every case is told.
     */
    private boolean casesChangeShownTo(Visibility reader) {
        if (reader.all()) {
            return true;
        }
        return this.casesBefore != null
                && !Set.copyOf(reader.casesShown(this.casesBefore)).equals(Set.copyOf(reader.casesShown(factCases())));
    }

    /** The entity's or the link's own cases as the change left them. */
    private List<String> factCases() {
        Object cases = this.entity != null ? this.entity.cases() : this.provenance.get("cases");
        return cases instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The entities the change names: its entity, or its link's two ends. */
    public List<ChangedEntity> entities() {
        return Stream.of(this.entity, this.from, this.to).filter(Objects::nonNull).toList();
    }

    /** The entity a link change starts or ends at that is not {@code id}, or null. */
    public ChangedEntity otherEnd(String id) {
        if (this.from != null && id.equals(this.from.id())) {
            return this.to;
        }
        if (this.to != null && id.equals(this.to.id())) {
            return this.from;
        }
        return null;
    }

}
