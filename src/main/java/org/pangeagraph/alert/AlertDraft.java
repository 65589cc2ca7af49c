package org.pangeagraph.alert;

import java.util.ArrayList;
import java.util.List;

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

}
