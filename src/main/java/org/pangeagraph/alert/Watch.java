package org.pangeagraph.alert;

import java.time.ZonedDateTime;
import java.util.List;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * A watch as stored: whose it is, what it looks for, and from which change of the feed on.
 *
 * @param template null for a watch of its targets' links
 * @param targets the watched entities' ids
 * @param relationshipTypes without a template, the types watched (empty: all)
 * @param depth without a template, 1 or 2
 * @param criminalNetwork for a network watch, the network's id as last seen
 * @param knownWebsites for a network watch its websites, for a similar-storefront watch the storefronts
 * already sharing enough, as last seen: the next new one raises an alert
 * @param minScore for a similar-storefront watch
 * @param minGrade the lowest grade of link alerted on, or null
 * @param kinds the kinds alerted on (empty: all)
 * @param webhookUrl where alerts are posted, or null
 * @param webhookSecret what they are signed with; never shown
 * @param sinceSequence the feed's last sequence when the watch was created: it matches only changes after it
 */
public record Watch(String id, String owner, String name, WatchTemplate template, List<String> targets,
        List<RelationshipType> relationshipTypes, int depth, String criminalNetwork, List<String> knownWebsites,
        Double minScore, String minGrade, List<NodeKind> kinds, String webhookUrl, String webhookSecret,
        ZonedDateTime createdAt, long sinceSequence) {

    public Watch {
        targets = List.copyOf(targets);
        relationshipTypes = List.copyOf(relationshipTypes);
        knownWebsites = List.copyOf(knownWebsites);
        kinds = List.copyOf(kinds);
    }

    /** The same watch with what it last saw of its network or storefronts. */
    Watch knowing(String network, List<String> websites) {
        return new Watch(this.id, this.owner, this.name, this.template, this.targets, this.relationshipTypes, this.depth, network,
                websites, this.minScore, this.minGrade, this.kinds, this.webhookUrl, this.webhookSecret, this.createdAt,
                this.sinceSequence);
    }

    /** Whether the watch looks at links of this type. */
    boolean watchesType(String type) {
        return this.relationshipTypes.isEmpty() || this.relationshipTypes.stream().anyMatch(t -> t.name().equals(type));
    }

    /** Whether the watch alerts about an entity of this kind (the model's kind name). */
    boolean watchesKind(String kind) {
        return this.kinds.isEmpty() || this.kinds.stream().anyMatch(k -> k.name().equals(kind));
    }

    /** Whether a link of this grade is good enough: letter and digit each at least as good as {@link #minGrade}. */
    boolean gradeAccepted(Object grade) {
        if (this.minGrade == null) {
            return true;
        }
        if (!(grade instanceof String given) || given.length() != 2) {
            return false;
        }
        return given.charAt(0) <= this.minGrade.charAt(0) && given.charAt(1) <= this.minGrade.charAt(1);
    }

}
