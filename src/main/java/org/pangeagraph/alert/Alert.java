package org.pangeagraph.alert;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;

/**
 * An alert as stored: the watch that raised it, the entity it is about ({@code subjectKey}, its id, is what
 * further matches within the window are merged on), what happened, the changes and the evidence, the case
 * sets of every fact it shows (a reader sees the alert only if they see each), and how it is worked.
 */
record Alert(String id, String watchId, String watchName, String owner, String subjectKey, ChangedEntity subject, String summary,
        List<Change> changes, List<Evidence> evidence, List<List<String>> factCases, AlertStatus status, String assignee,
        List<Note> notes, List<StatusChange> history, ZonedDateTime raisedAt, ZonedDateTime updatedAt, String delivery) {

    /** A link on the alert's path, with its provenance as when the alert was raised. */
    record Evidence(String type, String linkId, ChangedEntity from, ChangedEntity to, Map<String, Object> provenance) {
    }

    record Note(String author, ZonedDateTime at, String text) {
    }

    record StatusChange(ZonedDateTime at, String by, AlertStatus from, AlertStatus to, String assignee) {
    }

}
