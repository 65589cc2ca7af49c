package org.pangeagraph.alert;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.pangeagraph.change.ChangeFeed;
import org.pangeagraph.db.OperationTransaction;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * Creating and removing watches: every part of the input checked against the schema's enums and the
 * graph as the caller sees it (a target they may not see is named as missing, like one that does not
 * exist), within the configured limits. A watch starts after the feed's newest change: what happened
 * before it was created raises nothing.
 */
class Watches {

    private static final int NAME_LENGTH = 200;

    private static final int SECRET_LENGTH = 16;

    private final WatchStore store;

    private final Evidence evidence;

    private final Templates templates;

    private final ChangeFeed feed;

    private final AlertMatcher matcher;

    private final AlertProperties properties;

    Watches(WatchStore store, Evidence evidence, Templates templates, ChangeFeed feed, AlertMatcher matcher, AlertProperties properties) {
        this.store = store;
        this.evidence = evidence;
        this.templates = templates;
        this.feed = feed;
        this.matcher = matcher;
        this.properties = properties;
    }

    /** What {@code createWatch} takes (alerts.graphqls, WatchInput). */
    record Input(String name, List<String> targets, List<RelationshipType> relationshipTypes, Integer depth, WatchTemplate template,
            String criminalNetwork, Double minScore, String minGrade, List<NodeKind> kinds, WebhookInput webhook) {
    }

    /** Where to post a watch's alerts, and the secret they are signed with. */
    record WebhookInput(String url, String secret) {
    }

    Watch create(Input input, Caller caller) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > NAME_LENGTH) {
            throw new InvalidInputException("input.name", "must be 1 to " + NAME_LENGTH + " characters");
        }
        if (this.store.count(caller.name()) >= this.properties.watchesPerUser()) {
            throw new LimitExceededException("input", "would be watch " + (this.properties.watchesPerUser() + 1) + " of "
                    + caller.name() + "; the most allowed is " + this.properties.watchesPerUser()
                    + " a user (pangea.alerts.watches-per-user): delete one first");
        }
        List<String> targetIds = List.copyOf(new LinkedHashSet<>(input.targets() == null ? List.of() : input.targets()));
        if (targetIds.size() > this.properties.targetsPerWatch()) {
            throw new LimitExceededException("input.targets", "names " + targetIds.size() + " entities; the most allowed is "
                    + this.properties.targetsPerWatch() + " (pangea.alerts.targets-per-watch)");
        }
        List<ChangedEntity> targets = new ArrayList<>();
        for (String id : targetIds) {
            ChangedEntity entity = this.evidence.entity(id, caller.visibility());
            if (entity == null) {
                throw new InvalidInputException("input.targets", "names " + id + ", which is no entity you may see");
            }
            targets.add(entity);
        }
        int depth = input.depth() == null ? 1 : input.depth();
        if (depth < 1 || depth > 2) {
            throw new InvalidInputException("input.depth", "must be 1 or 2");
        }
        String minGrade = grade(input.minGrade());
        Double minScore = input.minScore();
        if (minScore != null && !(minScore > 0 && minScore <= 1000)) {
            throw new InvalidInputException("input.minScore", "must be more than 0");
        }
        String[] webhook = webhook(input.webhook());
        String network = null;
        List<String> known = List.of();
        WatchTemplate template = input.template();
        if (template == null || template == WatchTemplate.NEW_WEBSITE_ON_ITEM || template == WatchTemplate.NEW_LINK_OF_PERSON) {
            requireTargets(targets);
        }
        if (template == WatchTemplate.NEW_WEBSITE_ON_ITEM) {
            for (ChangedEntity target : targets) {
                if (ItemRoutes.to(NodeKind.valueOf(target.kind())).isEmpty()) {
                    throw new InvalidInputException("input.targets", "names " + target.caption() + ", a " + target.kind()
                            + ", which websites do not share as an item (an account, an IP address, a registrant, a courier, an address...)");
                }
            }
        }
        else if (template == WatchTemplate.NEW_LINK_OF_PERSON) {
            for (ChangedEntity target : targets) {
                if (!Set.of(NodeKind.PERSON.name(), NodeKind.COMPANY.name()).contains(target.kind())) {
                    throw new InvalidInputException("input.targets", "names " + target.caption() + ", a " + target.kind()
                            + "; this template watches people and companies");
                }
            }
        }
        else if (template == WatchTemplate.NEW_WEBSITE_IN_NETWORK) {
            String asked = input.criminalNetwork() == null ? "" : input.criminalNetwork().strip();
            if (asked.isEmpty()) {
                throw new InvalidInputException("input.criminalNetwork", "is required by NEW_WEBSITE_IN_NETWORK");
            }
            String containing = asked.startsWith("network:") ? asked.substring("network:".length()) : asked;
            Templates.Network found = this.templates.network(caller, List.of(containing));
            if (found == null) {
                throw new InvalidInputException("input.criminalNetwork", "names no criminal network you may see");
            }
            network = found.id();
            known = found.websites().stream().map(ChangedEntity::id).toList();
        }
        else if (template == WatchTemplate.SIMILAR_NEW_STOREFRONT) {
            if (targets.size() != 1 || !NodeKind.WEBSITE.name().equals(targets.get(0).kind())) {
                throw new InvalidInputException("input.targets", "must name one website for SIMILAR_NEW_STOREFRONT");
            }
            minScore = minScore == null ? 1.0 : minScore;
            ChangedEntity website = targets.get(0);
            known = this.templates.siblings(caller, website.key() != null ? website.key() : website.caption(), minScore).stream()
                .map(s -> s.website().id()).toList();
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Watch watch = new Watch(UUID.randomUUID().toString(), caller.name(), name, template, targetIds,
                input.relationshipTypes() == null ? List.of() : input.relationshipTypes(), depth, network, known, minScore, minGrade,
                input.kinds() == null ? List.of() : input.kinds(), webhook[0], webhook[1], now, this.feed.head());
        this.store.saveOwner(WatchOwner.of(caller, now));
        this.store.create(watch);
        OperationTransaction.afterCommit(this.matcher::watchesChanged);
        return watch;
    }

    boolean delete(String id, Caller caller) {
        boolean deleted = this.store.delete(id, caller.name());
        if (deleted) {
            OperationTransaction.afterCommit(this.matcher::watchesChanged);
        }
        return deleted;
    }

    /**
     * Keeps a watch owner's roles and memberships as of their latest request, so that their watches match
     * with what they may see now: an owner who left a case stops getting its alerts.
     */
    void signedIn(Caller caller) {
        WatchOwner known = this.matcher.owner(caller.name());
        if (known != null && !known.sameAs(caller)) {
            this.store.saveOwner(WatchOwner.of(caller, ZonedDateTime.now(ZoneOffset.UTC)));
            OperationTransaction.afterCommit(this.matcher::watchesChanged);
        }
    }

    private static void requireTargets(List<ChangedEntity> targets) {
        if (targets.isEmpty()) {
            throw new InvalidInputException("input.targets", "must name at least one entity");
        }
    }

    private static String grade(String grade) {
        if (grade == null) {
            return null;
        }
        String g = grade.strip().toUpperCase(Locale.ROOT);
        if (!g.matches("[A-E][1-5]")) {
            throw new InvalidInputException("input.minGrade", "must be a grade A-E followed by 1-5, e.g. B2");
        }
        return g;
    }

    /** The webhook's address and secret, or two nulls. */
    private String[] webhook(WebhookInput webhook) {
        if (webhook == null) {
            return new String[2];
        }
        String url = webhook.url() == null ? "" : webhook.url().strip();
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("input.webhook.url", "is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("input.webhook.url", "must be an absolute http or https URL");
        }
        if (this.properties.webhook().allowedHosts().stream().noneMatch(h -> h.equalsIgnoreCase(uri.getHost()))) {
            throw new InvalidInputException("input.webhook.url", "names a host the administrator has not allowed "
                    + "(pangea.alerts.webhook.allowed-hosts)");
        }
        String secret = webhook.secret() == null ? "" : webhook.secret();
        if (secret.length() < SECRET_LENGTH) {
            throw new InvalidInputException("input.webhook.secret", "must be at least " + SECRET_LENGTH + " characters");
        }
        return new String[] { url, secret };
    }

}
