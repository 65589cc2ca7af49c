package org.pangeagraph.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * The watches of a criminal network and of storefronts similar to a website: after changes that may
 * concern them, they ask the API again, as their owner, and each website that was not there before
 * raises an alert, with the links that bind it (the routes to the items it shares) as evidence and the
 * changes that led to it. The watch then knows the network, or the storefronts, as they are now: a network
 * is followed as it grows, by its websites, even when its id (its first domain) changes.
 */
final class Evaluations {

    /** Shared items, and routes to each, kept as evidence of one new website. */
    private static final int ITEMS = 5;

    private final Templates templates;

    private final Evidence evidence;

    Evaluations(Templates templates, Evidence evidence) {
        this.templates = templates;
        this.evidence = evidence;
    }

    /** What asking again raises, and what the watch knows now. */
    record Outcome(List<AlertDraft> drafts, String network, List<String> websites) {
    }

    Outcome evaluate(WatchState state) {
        Caller owner = state.owner.caller();
        Watch watch = state.watch;
        Set<String> known = new HashSet<>(watch.knownWebsites());
        List<AlertDraft> drafts = new ArrayList<>();
        if (watch.template() == WatchTemplate.NEW_WEBSITE_IN_NETWORK) {
            Templates.Network network = this.templates.network(owner, watch.knownWebsites());
            if (network == null) {
                return new Outcome(drafts, watch.criminalNetwork(), watch.knownWebsites());
            }
            for (ChangedEntity website : network.websites()) {
                if (!known.contains(website.id())) {
                    drafts.add(new AlertDraft(watch, website, website.caption() + " joined criminal network " + network.id() + " (now "
                            + network.websites().size() + " websites)", changesAbout(state, website), bindings(owner, website, known)));
                }
            }
            return new Outcome(finished(drafts, owner), network.id(), network.websites().stream().map(ChangedEntity::id).toList());
        }
        ChangedEntity watched = state.targetEntities.values().stream().findFirst().orElse(null);
        if (watched == null) {
            return new Outcome(drafts, null, watch.knownWebsites());
        }
        List<Templates.Sibling> siblings = this.templates.siblings(owner, watched.key() != null ? watched.key() : watched.caption(),
                watch.minScore());
        for (Templates.Sibling sibling : siblings) {
            if (!known.contains(sibling.website().id()) && watch.watchesKind(sibling.website().kind())) {
                List<Alert.Evidence> evidence = new ArrayList<>();
                sibling.items().stream().limit(ITEMS).forEach(item -> {
                    item.fromWebsite().stream().findFirst().ifPresent(evidence::addAll);
                    item.fromOther().stream().findFirst().ifPresent(evidence::addAll);
                });
                drafts.add(new AlertDraft(watch, sibling.website(), sibling.website().caption() + " shares "
                        + String.format(Locale.ROOT, "%.2f", sibling.score()) + " of infrastructure with " + watched.caption() + " ("
                        + String.join(", ", sibling.items().stream().limit(ITEMS).map(i -> i.kind().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + " " + i.item().caption()).toList()) + ")", changesAbout(state, sibling.website()), evidence));
            }
        }
        return new Outcome(finished(drafts, owner), null, siblings.stream().map(s -> s.website().id()).toList());
    }

    /**
     * The drafts as alerts show them: the API's answers name entities by id and caption, so each entity is
     * read again for its key (as the owner sees it); a route lists its links from the website to the item,
     * so each link is turned the way the model says it runs (a parcel is ORDERED_FROM a website, not the
     * reverse; a link between two entities of one kind keeps the route's order); and a link on the routes
     * of several shared items is evidence once.
     */
    private List<AlertDraft> finished(List<AlertDraft> drafts, Caller owner) {
        if (drafts.isEmpty()) {
            return drafts;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (AlertDraft draft : drafts) {
            Stream.concat(Stream.of(draft.subject()), draft.evidence().stream().flatMap(e -> Stream.of(e.from(), e.to())))
                .filter(e -> e != null && e.id() != null).forEach(e -> ids.add(e.id()));
        }
        Map<String, ChangedEntity> read = new HashMap<>();
        this.evidence.entities(List.copyOf(ids), owner.visibility()).forEach(e -> read.put(e.id(), e));
        return drafts.stream().map(draft -> new AlertDraft(draft.watch(), keyed(draft.subject(), read), draft.summary(), draft.changes(),
                draft.evidence().stream().map(e -> turned(new Alert.Evidence(e.type(), e.linkId(), keyed(e.from(), read),
                        keyed(e.to(), read), e.provenance()))).distinct().toList())).toList();
    }

    private static ChangedEntity keyed(ChangedEntity entity, Map<String, ChangedEntity> read) {
        return entity == null || entity.id() == null ? entity : read.getOrDefault(entity.id(), entity);
    }

    /** The link from where the model says it starts to where it ends. */
    static Alert.Evidence turned(Alert.Evidence link) {
        NodeKind from = kind(link.from());
        NodeKind to = kind(link.to());
        RelationshipType type = Stream.of(RelationshipType.values()).filter(t -> t.name().equals(link.type())).findFirst().orElse(null);
        if (type == null || from == null || to == null || type.joins(from, to) || !type.joins(to, from)) {
            return link;
        }
        return new Alert.Evidence(link.type(), link.linkId(), link.to(), link.from(), link.provenance());
    }

    private static NodeKind kind(ChangedEntity entity) {
        return entity == null ? null : Stream.of(NodeKind.values()).filter(k -> k.name().equals(entity.kind())).findFirst().orElse(null);
    }

    /** The routes from a new member of a network to the items it shares with the best-sharing known member. */
    private List<Alert.Evidence> bindings(Caller owner, ChangedEntity website, Set<String> known) {
        List<Alert.Evidence> evidence = new ArrayList<>();
        for (Templates.Sibling sibling : this.templates.siblings(owner, website.caption(), null)) {
            if (known.contains(sibling.website().id())) {
                sibling.items().stream().limit(ITEMS).forEach(item -> {
                    item.fromWebsite().stream().findFirst().ifPresent(evidence::addAll);
                    item.fromOther().stream().findFirst().ifPresent(evidence::addAll);
                });
                break;
            }
        }
        return evidence;
    }

    /** The changes the watch saw that concern this website: links at it, or at the items on its routes. */
    private static List<Change> changesAbout(WatchState state, ChangedEntity website) {
        return state.concerns.stream().filter(c -> website.id() != null && (website.id().equals(c.from() == null ? null : c.from().id())
                || website.id().equals(c.to() == null ? null : c.to().id()))).toList();
    }

}
