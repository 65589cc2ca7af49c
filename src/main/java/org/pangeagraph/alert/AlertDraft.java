package org.pangeagraph.alert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;

/**
 * What a match would raise: the watch, the entity it is about, a sentence, the changes that matched and
 * the evidence path. Its facts' case sets are those of the changes, the evidence links and their ends.
 */
record AlertDraft(Watch watch, ChangedEntity subject, String summary, List<Change> changes, List<Alert.Evidence> evidence) {

    /** What alerts are merged on: the watch's subject. */
    String subjectKey() {
        return this.subject == null ? "" : this.subject.id() != null ? this.subject.id() : "element:" + this.subject.elementId();
    }

    List<List<String>> factCases() {
        List<List<String>> sets = new ArrayList<>();
        for (Change change : this.changes) {
            sets.addAll(change.caseSets());
        }
        for (Alert.Evidence link : this.evidence) {
            sets.add(AlertJson.strings(link.provenance().get("cases")));
            if (link.from() != null) {
                sets.add(link.from().cases());
            }
            if (link.to() != null) {
                sets.add(link.to().cases());
            }
        }
        if (this.subject != null) {
            sets.add(this.subject.cases());
        }
        return sets.stream().filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The ids of the entities the alert names: its subject, and the entities and ends of its changes and evidence. */
    List<String> factIds() {
        List<ChangedEntity> named = new ArrayList<>();
        named.add(this.subject);
        for (Change change : this.changes) {
            named.addAll(change.entities());
        }
        for (Alert.Evidence link : this.evidence) {
            named.addAll(Arrays.asList(link.from(), link.to()));
        }
        return named.stream().filter(e -> e != null && e.id() != null).map(ChangedEntity::id).distinct().toList();
    }

    /** The links the alert names, each as the id of its start and its own id joined by the case separator. */
    List<String> factLinks() {
        List<String> links = new ArrayList<>();
        for (Change change : this.changes) {
            links.add(link(change.from(), change.linkId()));
        }
        for (Alert.Evidence link : this.evidence) {
            links.add(link(link.from(), link.linkId()));
        }
        return links.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static String link(ChangedEntity from, String linkId) {
        return from == null || from.id() == null || linkId == null ? null : from.id() + AlertJson.CASE_SEPARATOR + linkId;
    }

}
