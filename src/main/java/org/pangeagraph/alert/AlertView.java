package org.pangeagraph.alert;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.pangeagraph.change.ChangeView;
import org.pangeagraph.model.Disclosed;
import org.pangeagraph.model.Visibility;

/**
 * An alert as one reader sees it, in the API and in a webhook's body: the case numbers of its facts cut to
 * the reader's own, and the application's internal references left out. What it tells of is
 * {@link Disclosed}, as a change's view is: its subject, its changes and its evidence are in the audit
 * record of the answer, and their cases under the justification rule.
 */
record AlertView(String id, String watchId, String watchName, String owner, String summary, ChangeView.EntityView subject,
        List<ChangeView> changes, List<EvidenceView> evidence, String status, String assignee, List<Alert.Note> notes,
        List<Alert.StatusChange> history, ZonedDateTime raisedAt, ZonedDateTime updatedAt, String delivery)
        implements Disclosed {

    @Override
    public List<String> cases() {
        return List.of();
    }

    @Override
    public List<Object> about() {
        List<Object> about = new ArrayList<>();
        if (this.subject != null) {
            about.add(this.subject);
        }
        about.addAll(this.changes);
        about.addAll(this.evidence);
        return about;
    }

    /** A link on the alert's path with its provenance. */
    record EvidenceView(String type, ChangeView.EntityView from, ChangeView.EntityView to, String source, String grade,
            LocalDate validFrom, LocalDate validTo, ZonedDateTime recordedAt, String recordedBy, List<String> cases)
            implements Disclosed {

        @Override
        public List<Object> about() {
            return Stream.of(this.from, this.to).filter(Objects::nonNull).map(Object.class::cast).toList();
        }

    }

    static AlertView of(Alert alert, Visibility reader) {
        return new AlertView(alert.id(), alert.watchId(), alert.watchName(), alert.owner(), alert.summary(),
                ChangeView.entity(alert.subject(), reader), alert.changes().stream().map(c -> ChangeView.of(c, reader)).toList(),
                alert.evidence().stream().map(e -> evidence(e, reader)).toList(), alert.status().name(), alert.assignee(),
                alert.notes(), alert.history(), alert.raisedAt(), alert.updatedAt(), alert.delivery());
    }

    private static EvidenceView evidence(Alert.Evidence link, Visibility reader) {
        ChangeView.LinkView view = ChangeView.link(link.linkId(), link.type(), link.from(), link.to(), link.provenance(), reader);
        return new EvidenceView(view.type(), view.from(), view.to(), view.source(), view.grade(), view.validFrom(), view.validTo(),
                view.recordedAt(), view.recordedBy(), view.cases());
    }

}
