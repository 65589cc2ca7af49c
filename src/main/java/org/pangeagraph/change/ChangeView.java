package org.pangeagraph.change;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.Disclosed;
import org.pangeagraph.model.Visibility;

/**
 * A change as the API shows it to one reader: the case numbers of its facts cut to the reader's own, and
 * the application's internal references left out. What it names is {@link Disclosed}: the audit record of
 * the answer holds the entities and the cases a change shows, and the justification rule applies to them.
 */
public record ChangeView(long sequence, ZonedDateTime at, String graphVersion, String kind, String user, String importRun,
        String origin, EntityView entity, LinkView link, List<String> properties) implements Disclosed {

    @Override
    public List<String> cases() {
        return List.of();
    }

    @Override
    public List<Object> about() {
        return Stream.of(this.entity, this.link).filter(Objects::nonNull).map(Object.class::cast).toList();
    }

    /** An entity a change names. */
    public record EntityView(String id, String kind, String key, String caption, List<String> cases) implements Disclosed {

        @Override
        public List<Object> about() {
            return List.of();
        }

        @Override
        public List<String> entityIds() {
            return this.id == null ? List.of() : List.of(this.id);
        }

    }

    /** A link a change names, with its provenance. */
    public record LinkView(String id, String type, EntityView from, EntityView to, String source, String grade,
            LocalDate validFrom, LocalDate validTo, ZonedDateTime recordedAt, String recordedBy, List<String> cases)
            implements Disclosed {

        @Override
        public List<Object> about() {
            return Stream.of(this.from, this.to).filter(Objects::nonNull).map(Object.class::cast).toList();
        }

    }

    public static ChangeView of(Change change, Visibility reader) {
        LinkView link = change.kind().link()
                ? link(change.linkId(), change.type(), change.from(), change.to(), change.provenance(), reader) : null;
        return new ChangeView(change.sequence(), change.at(), change.graphVersion(), change.kind().name(), change.user(),
                change.importRun(), change.origin().name(), entity(change.entity(), reader), link, change.propertiesShownTo(reader));
    }

    /** A link with its provenance, as the reader sees it. */
    public static LinkView link(String id, String type, ChangedEntity from, ChangedEntity to, Map<String, Object> p, Visibility reader) {
        return new LinkView(id, type, entity(from, reader), entity(to, reader), text(p.get("source")), text(p.get("grade")),
                date(p.get("validFrom")), date(p.get("validTo")), instant(p.get("recordedAt")), text(p.get("recordedBy")),
                reader.casesShown(p.get("cases")));
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
