package org.pangeagraph.change;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.Visibility;

/**
 * A change as the API shows it to one reader: the case numbers of its facts cut to the reader's own, and
 * the application's internal references left out.
 */
public record ChangeView(long sequence, ZonedDateTime at, String graphVersion, String kind, String user, String importRun,
        String origin, EntityView entity, LinkView link, List<String> properties) {

    /** An entity a change names. */
    public record EntityView(String id, String kind, String key, String caption, List<String> cases) {
    }

    /** A link a change names, with its provenance. */
    public record LinkView(String id, String type, EntityView from, EntityView to, String source, String grade,
            LocalDate validFrom, LocalDate validTo, ZonedDateTime recordedAt, String recordedBy, List<String> cases) {
    }

    public static ChangeView of(Change change, Visibility reader) {
        LinkView link = null;
        if (change.kind().link()) {
            Map<String, Object> p = change.provenance();
            link = new LinkView(change.linkId(), change.type(), entity(change.from(), reader), entity(change.to(), reader),
                    text(p.get("source")), text(p.get("grade")), date(p.get("validFrom")), date(p.get("validTo")),
                    instant(p.get("recordedAt")), text(p.get("recordedBy")), reader.casesShown(p.get("cases")));
        }
        return new ChangeView(change.sequence(), change.at(), change.graphVersion(), change.kind().name(), change.user(),
                change.importRun(), change.origin().name(), entity(change.entity(), reader), link, change.properties());
    }

    public static EntityView entity(ChangedEntity entity, Visibility reader) {
        return entity == null ? null
                : new EntityView(entity.id(), entity.kind(), entity.key(), entity.caption(), reader.casesShown(entity.cases()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A day kept as text; a value that is not one (a script may store anything) is left out. */
    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static ZonedDateTime instant(Object value) {
        try {
            return value == null ? null : ZonedDateTime.parse(value.toString());
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

}
