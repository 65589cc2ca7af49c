package org.pangeagraph.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangeKind;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;

/**
 * Whether a change matches a watch, and what it raises: for a watch of targets, a link created, changed
 * or removed on a target (or, at depth 2, on a target's neighbour) and a change to a target itself; for a
 * watch of a person or company, a link created on them; for a watch of items, a website reaching an item
 * by its route for the first time. Always as the owner sees the graph: a change of a fact the owner may
 * not see matches nothing, and the evidence is read with the owner's need-to-know.
 */
final class Matching {

    /** Link types on the routes to shared items: a change of one may grow a network or make a storefront similar. */
    private static final Set<String> ROUTE_TYPES = java.util.Arrays.stream(InfrastructureKind.values())
        .flatMap(k -> k.twoHops() ? java.util.stream.Stream.of(k.first(), k.second()) : java.util.stream.Stream.of(k.first()))
        .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** The websites created most recently, with the sequence of their creation, at most this many. */
    private static final int CREATED = 100_000;

    private final Evidence evidence;

    private final Map<String, Long> createdWebsites = new java.util.LinkedHashMap<>() {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CREATED;
        }

    };

    Matching(Evidence evidence) {
        this.evidence = evidence;
    }

    /** Notes each change once, before it is matched against the watches: the websites it creates. */
    void seen(Change change) {
        if (change.kind() == ChangeKind.ENTITY_CREATED && change.entity() != null && change.entity().id() != null
                && NodeKind.WEBSITE.name().equals(change.entity().kind())) {
            this.createdWebsites.put(change.entity().id(), change.sequence());
        }
    }

    /** Whether the website was created after the watch began: then it reaches any item for the first time. */
    private boolean createdSince(String website, Watch watch) {
        Long created = this.createdWebsites.get(website);
        return created != null && created > watch.sinceSequence();
    }

    /** Whether a change may concern a network or similar-storefront watch, which then asks again. */
    static boolean mayConcernNetworks(Change change) {
        return change.kind().link() && change.kind() != ChangeKind.LINK_DELETED && ROUTE_TYPES.contains(change.type());
    }

    /** Reads the kinds of the watch's targets and the neighbours it follows, as its owner sees them. */
    void prepare(WatchState state) {
        Visibility owner = state.owner.visibility();
        state.targetKinds.clear();
        state.targetEntities.clear();
        state.neighbours.clear();
        for (String target : state.watch.targets()) {
            ChangedEntity entity = this.evidence.entity(target, owner);
            if (entity == null) {
                continue;
            }
            NodeKind kind = NodeKind.valueOf(entity.kind());
            state.targetKinds.put(target, kind);
            state.targetEntities.put(target, entity);
            if (!state.followsNeighbours()) {
                continue;
            }
            if (state.watch.template() == null) {
                this.evidence.neighbours(target, state.watch.relationshipTypes(), owner).forEach((id, link) -> state.neighbours
                    .computeIfAbsent(id, k -> new ArrayList<>()).add(new WatchState.Neighbour(target, link, null)));
                continue;
            }
            for (ItemRoutes route : ItemRoutes.to(kind)) {
                if (route.twoHops()) {
                    this.evidence.neighbours(target, List.of(route.second()), owner).forEach((id, link) -> state.neighbours
                        .computeIfAbsent(id, k -> new ArrayList<>()).add(new WatchState.Neighbour(target, link, route)));
                }
            }
        }
    }

    /**
     * Whether the change may change the neighbours the watch follows, so that they are read again: for a
     * watch of targets at depth 2 any link on a target; for a watch of items only a link of the second hop
     * of a route to a target (a parcel newly carried by a watched courier). A website paying into a watched
     * account changes nothing the watch follows, so an import of many storefronts reads nothing again.
     */
    static boolean changesNeighbours(Change change, WatchState state) {
        if (!change.kind().link()) {
            return false;
        }
        for (ChangedEntity end : java.util.Arrays.asList(change.from(), change.to())) {
            NodeKind kind = end == null ? null : state.targetKinds.get(end.id());
            if (kind == null) {
                continue;
            }
            if (state.watch.template() == null
                    || ItemRoutes.to(kind).stream().anyMatch(r -> r.twoHops() && r.second().name().equals(change.type()))) {
                return true;
            }
        }
        return false;
    }

    /** What the change raises for the watch; none when it does not match. */
    List<AlertDraft> match(Change change, WatchState state) {
        if (change.sequence() <= state.through || !change.shownTo(state.owner.visibility())) {
            return List.of();
        }
        WatchTemplate template = state.watch.template();
        if (template == null) {
            return targets(change, state);
        }
        return switch (template) {
            case NEW_LINK_OF_PERSON -> change.kind() == ChangeKind.LINK_CREATED ? directLinks(change, state) : List.of();
            case NEW_WEBSITE_ON_ITEM -> change.kind() == ChangeKind.LINK_CREATED ? newWebsites(change, state) : List.of();
            default -> List.of();
        };
    }

    private List<AlertDraft> targets(Change change, WatchState state) {
        if (!change.kind().link()) {
            if (change.kind() == ChangeKind.ENTITY_CREATED || !state.targetKinds.containsKey(id(change.entity()))) {
                return List.of();
            }
            String what = change.kind() == ChangeKind.ENTITY_DELETED ? "was deleted"
                    : "changed (" + String.join(", ", change.propertiesShownTo(state.owner.visibility())) + ")";
            return List.of(new AlertDraft(state.watch, change.entity(), caption(change.entity()) + " " + what, List.of(change), List.of()));
        }
        List<AlertDraft> drafts = new ArrayList<>(directLinks(change, state));
        if (state.watch.depth() >= 2) {
            for (ChangedEntity end : List.of(change.from(), change.to())) {
                ChangedEntity other = end == change.from() ? change.to() : change.from();
                for (WatchState.Neighbour neighbour : state.neighbours.getOrDefault(id(end), List.of())) {
                    if (other != null && !neighbour.target().equals(other.id()) && accepted(change, other, state)) {
                        drafts.add(new AlertDraft(state.watch, other, caption(other) + " " + verb(change) + " " + change.type()
                                + " to " + caption(end) + ", a neighbour of a watched entity", List.of(change),
                                List.of(neighbour.link(), Evidence.of(change))));
                    }
                }
            }
        }
        return drafts;
    }

    /** A link on a target: about the entity at its other end. */
    private List<AlertDraft> directLinks(Change change, WatchState state) {
        List<AlertDraft> drafts = new ArrayList<>();
        for (ChangedEntity end : List.of(change.from(), change.to())) {
            ChangedEntity other = end == change.from() ? change.to() : change.from();
            if (end != null && other != null && state.targetKinds.containsKey(end.id()) && accepted(change, other, state)) {
                drafts.add(new AlertDraft(state.watch, other, caption(end) + " " + verb(change) + " " + change.type() + " "
                        + (end == change.from() ? "to " : "from ") + caption(other) + source(change), List.of(change),
                        List.of(Evidence.of(change))));
            }
        }
        return drafts;
    }

    /** A website reaching a watched item by the item's route for the first time. */
    private List<AlertDraft> newWebsites(Change change, WatchState state) {
        if (!state.watch.gradeAccepted(change.provenance().get("grade"))) {
            return List.of();
        }
        Visibility owner = state.owner.visibility();
        RelationshipType type = RelationshipType.valueOf(change.type());
        List<AlertDraft> drafts = new ArrayList<>();
        for (Map.Entry<String, NodeKind> target : state.targetKinds.entrySet()) {
            String item = target.getKey();
            ChangedEntity itemEnd = item.equals(id(change.from())) ? change.from() : item.equals(id(change.to())) ? change.to() : null;
            for (ItemRoutes route : ItemRoutes.to(target.getValue())) {
                if (!route.twoHops() && route.first() == type && itemEnd != null) {
                    ChangedEntity website = change.otherEnd(item);
                    if (website != null && NodeKind.WEBSITE.name().equals(website.kind())) {
                        drafts.addAll(ifNew(state, route, website, itemEnd, change, List.of(Evidence.of(change))));
                    }
                }
                else if (route.twoHops() && route.second() == type && itemEnd != null) {
                    ChangedEntity middle = change.otherEnd(item);
                    if (middle == null || middle.id() == null) {
                        continue;
                    }
                    for (Alert.Evidence link : this.evidence.websitesOf(middle.id(), route.first(), owner)) {
                        ChangedEntity website = NodeKind.WEBSITE.name().equals(link.from().kind()) ? link.from() : link.to();
                        drafts.addAll(ifNew(state, route, website, itemEnd, change, List.of(link, Evidence.of(change))));
                    }
                }
                else if (route.twoHops() && route.first() == type) {
                    ChangedEntity website = NodeKind.WEBSITE.name().equals(kind(change.from())) ? change.from() : change.to();
                    ChangedEntity middle = website == change.from() ? change.to() : change.from();
                    for (WatchState.Neighbour neighbour : state.neighbours.getOrDefault(id(middle), List.of())) {
                        if (neighbour.target().equals(item) && neighbour.route() == route) {
                            ChangedEntity itemEntity = item.equals(id(neighbour.link().from())) ? neighbour.link().from() : neighbour.link().to();
                            drafts.addAll(ifNew(state, route, website, itemEntity, change, List.of(Evidence.of(change), neighbour.link())));
                        }
                    }
                }
            }
        }
        return drafts;
    }

    private List<AlertDraft> ifNew(WatchState state, ItemRoutes route, ChangedEntity website, ChangedEntity item, Change change,
            List<Alert.Evidence> path) {
        if (website == null || website.id() == null || !state.watch.watchesKind(website.kind())) {
            return List.of();
        }
        // A website created since the watch began reaches the item for the first time (a second route of
        // the same new website is added to its open alert): no statement is needed to know.
        int others = createdSince(website.id(), state.watch) ? 0
                : this.evidence.otherRoutes(website.id(), item.id(), route.first(), route.second(),
                        change.linkElementId() == null ? List.of() : List.of(change.linkElementId()), state.owner.visibility());
        if (others > 0) {
            return List.of();
        }
        return List.of(new AlertDraft(state.watch, website, caption(website) + " is a new website on " + caption(item) + " ("
                + route.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")" + source(change), List.of(change), path));
    }

    private static boolean accepted(Change change, ChangedEntity other, WatchState state) {
        return state.watch.watchesType(change.type()) && state.watch.watchesKind(other.kind())
                && state.watch.gradeAccepted(change.provenance().get("grade"));
    }

    private static String verb(Change change) {
        return switch (change.kind()) {
            case LINK_CREATED -> "got a link";
            case LINK_CHANGED -> "had a link changed:";
            case LINK_DELETED -> "lost a link";
            default -> "changed";
        };
    }

    private static String source(Change change) {
        Object source = change.provenance().get("source");
        Object grade = change.provenance().get("grade");
        return source == null ? "" : " (source " + source + (grade == null ? "" : ", grade " + grade) + ")";
    }

    private static String caption(ChangedEntity entity) {
        return entity == null ? "?" : entity.caption() != null ? entity.caption() : String.valueOf(entity.key());
    }

    private static String id(ChangedEntity entity) {
        return entity == null ? null : entity.id();
    }

    private static String kind(ChangedEntity entity) {
        return entity == null ? null : entity.kind();
    }

}
