package org.pangeagraph.db.changes;

import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * What one transaction changed in the model's entities and links, read from Neo4j's transaction data
 * before it commits, in the order a reader needs it: entities created, links created, entities and links
 * changed, links deleted, entities deleted. Nodes and relationships outside the model (the graph version,
 * the schema history, the feed itself, watches and alerts) are not changes of the graph. Neither is
 * bookkeeping: timestamps, versions, the link key, marks starting with {@code _}, and an {@code id} given
 * where there was none (the post-import pass does that), nor a property set to the value it had.
 *
 * <p>It also completes, in the same transaction, what every write should carry and a write from another
 * client may lack: an entity created without an {@code id}, {@code createdAt} or {@code updatedAt} gets them
 * (so that the feed and the alerts can name it at once; the post-import pass keeps them), an entity changed
 * without {@code updatedAt} gets it (or {@code taggedAt}, when only its cases changed: its
 * {@code updatedAt} is what every reader sees), and a link created without {@code recordedAt} gets the
 * time it was recorded.
 */
final class TransactionChanges {

    private static final Set<String> BOOKKEEPING = Set.of("createdAt", "updatedAt", "taggedAt", "version", "linkKey", "recordedAt");

    private static final Set<String> PROVENANCE = Set.of("source", "grade", "validFrom", "validTo", "recordedAt",
            "recordedBy", "cases");

    private static final Label GRAPH_VERSION = Label.label("PangeaGraph");

    private final TransactionData data;

    private final ZonedDateTime now;

    /** Entities read in this transaction, by element id: a link's ends are often shared. */
    private final Map<String, ChangedEntity> entities = new HashMap<>();

    /** The labels and properties of nodes deleted in this transaction, as they were. */
    private final Map<String, List<String>> deletedLabels = new HashMap<>();

    private final Map<String, Map<String, Object>> deletedNodeProperties = new HashMap<>();

    private final Map<String, Map<String, Object>> deletedLinkProperties = new HashMap<>();

    private boolean graphVersionRaised;

    TransactionChanges(TransactionData data, ZonedDateTime now) {
        this.data = data;
        this.now = now;
    }

    /** Whether the transaction raised the graph version itself (a write through the application does). */
    boolean graphVersionRaised() {
        return this.graphVersionRaised;
    }

    List<Change> collect() {
        rememberDeleted();
        List<Change> created = new ArrayList<>();
        List<Change> links = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<Change> unlinked = new ArrayList<>();
        List<Change> deleted = new ArrayList<>();
        Set<String> createdNodes = new java.util.HashSet<>();
        for (Node node : this.data.createdNodes()) {
            createdNodes.add(node.getElementId());
            if (this.data.isDeleted(node)) {
                continue;
            }
            NodeKind kind = kindOf(node);
            if (kind != null) {
                complete(node);
                created.add(entityChange(ChangeKind.ENTITY_CREATED, entity(node, kind), propertyNames(node.getPropertyKeys()),
                        null));
            }
        }
        Set<String> createdLinks = new java.util.HashSet<>();
        for (Relationship link : this.data.createdRelationships()) {
            createdLinks.add(link.getElementId());
            RelationshipType type = typeOf(link);
            if (type == null || this.data.isDeleted(link)) {
                continue;
            }
            if (!link.hasProperty("recordedAt")) {
                link.setProperty("recordedAt", this.now);
            }
            Map<String, Object> properties = link.getAllProperties();
            links.add(linkChange(ChangeKind.LINK_CREATED, link, type, properties, propertyNames(properties.keySet()), null));
        }
        changedNodes(createdNodes, changed);
        changedLinks(createdLinks, changed);
        for (Relationship link : this.data.deletedRelationships()) {
            RelationshipType type = typeOf(link);
            if (type != null && !createdLinks.contains(link.getElementId())) {
                Map<String, Object> properties = this.deletedLinkProperties.getOrDefault(link.getElementId(), Map.of());
                unlinked.add(linkChange(ChangeKind.LINK_DELETED, link, type, properties, List.of(), null));
            }
        }
        for (Node node : this.data.deletedNodes()) {
            if (createdNodes.contains(node.getElementId())) {
                continue;
            }
            ChangedEntity entity = deletedEntity(node.getElementId());
            if (entity != null) {
                deleted.add(entityChange(ChangeKind.ENTITY_DELETED, entity, List.of(), null));
            }
        }
        List<Change> all = new ArrayList<>(created.size() + links.size() + changed.size() + unlinked.size() + deleted.size());
        all.addAll(created);
        all.addAll(links);
        all.addAll(changed);
        all.addAll(unlinked);
        all.addAll(deleted);
        return all;
    }

    /** The labels and properties of deleted nodes and links, which Neo4j reports as removed. */
    private void rememberDeleted() {
        for (LabelEntry entry : this.data.removedLabels()) {
            if (this.data.isDeleted(entry.node())) {
                this.deletedLabels.computeIfAbsent(entry.node().getElementId(), k -> new ArrayList<>()).add(entry.label().name());
            }
        }
        for (PropertyEntry<Node> entry : this.data.removedNodeProperties()) {
            if (this.data.isDeleted(entry.entity())) {
                this.deletedNodeProperties.computeIfAbsent(entry.entity().getElementId(), k -> new HashMap<>())
                    .put(entry.key(), entry.previouslyCommittedValue());
            }
        }
        for (PropertyEntry<Relationship> entry : this.data.removedRelationshipProperties()) {
            if (this.data.isDeleted(entry.entity())) {
                this.deletedLinkProperties.computeIfAbsent(entry.entity().getElementId(), k -> new HashMap<>())
                    .put(entry.key(), entry.previouslyCommittedValue());
            }
        }
    }

    /** What changed on nodes that were neither created nor deleted by the transaction. */
    private void changedNodes(Set<String> createdNodes, List<Change> changed) {
        Map<String, Delta<Node>> deltas = new LinkedHashMap<>();
        for (PropertyEntry<Node> entry : this.data.assignedNodeProperties()) {
            Node node = entry.entity();
            if (entry.key().equals("version") && node.hasLabel(GRAPH_VERSION)) {
                this.graphVersionRaised = true;
            }
            if (createdNodes.contains(node.getElementId()) || this.data.isDeleted(node)) {
                continue;
            }
            Delta<Node> delta = deltas.computeIfAbsent(node.getElementId(), k -> new Delta<>(node));
            delta.assigned(entry.key(), entry.value(), entry.previouslyCommittedValue());
        }
        for (PropertyEntry<Node> entry : this.data.removedNodeProperties()) {
            Node node = entry.entity();
            if (!createdNodes.contains(node.getElementId()) && !this.data.isDeleted(node)) {
                deltas.computeIfAbsent(node.getElementId(), k -> new Delta<>(node))
                    .removed(entry.key(), entry.previouslyCommittedValue());
            }
        }
        for (Iterable<LabelEntry> labels : List.of(this.data.assignedLabels(), this.data.removedLabels())) {
            for (LabelEntry entry : labels) {
                Node node = entry.node();
                if (NodeKind.ofLabel(entry.label().name()).isPresent() && !createdNodes.contains(node.getElementId())
                        && !this.data.isDeleted(node)) {
                    deltas.computeIfAbsent(node.getElementId(), k -> new Delta<>(node)).names.add("labels");
                }
            }
        }
        for (Delta<Node> delta : deltas.values()) {
            NodeKind kind = kindOf(delta.element);
            if (kind == null || delta.names.isEmpty()) {
                continue;
            }
            // A change of the cases alone is stamped apart: updatedAt is what every reader sees.
            if (!delta.updatedAtSet && !delta.names.equals(Set.of("cases"))) {
                delta.element.setProperty("updatedAt", this.now);
            }
            if (!delta.taggedAtSet && delta.casesBefore != null) {
                delta.element.setProperty("taggedAt", this.now);
            }
            changed.add(entityChange(ChangeKind.ENTITY_CHANGED, entity(delta.element, kind), List.copyOf(delta.names),
                    delta.casesBefore));
        }
    }

    /** What changed on links that were neither created nor deleted by the transaction. */
    private void changedLinks(Set<String> createdLinks, List<Change> changed) {
        Map<String, Delta<Relationship>> deltas = new LinkedHashMap<>();
        for (PropertyEntry<Relationship> entry : this.data.assignedRelationshipProperties()) {
            Relationship link = entry.entity();
            if (!createdLinks.contains(link.getElementId()) && !this.data.isDeleted(link)) {
                deltas.computeIfAbsent(link.getElementId(), k -> new Delta<>(link))
                    .assigned(entry.key(), entry.value(), entry.previouslyCommittedValue());
            }
        }
        for (PropertyEntry<Relationship> entry : this.data.removedRelationshipProperties()) {
            Relationship link = entry.entity();
            if (!createdLinks.contains(link.getElementId()) && !this.data.isDeleted(link)) {
                deltas.computeIfAbsent(link.getElementId(), k -> new Delta<>(link))
                    .removed(entry.key(), entry.previouslyCommittedValue());
            }
        }
        for (Delta<Relationship> delta : deltas.values()) {
            RelationshipType type = typeOf(delta.element);
            if (type != null && !delta.names.isEmpty()) {
                changed.add(linkChange(ChangeKind.LINK_CHANGED, delta.element, type, delta.element.getAllProperties(),
                        List.copyOf(delta.names), delta.casesBefore));
            }
        }
    }

    /** The property changes of one node or link that count: not bookkeeping, not set to the value it had. */
    private static final class Delta<E extends Entity> {

        final E element;

        final Set<String> names = new TreeSet<>();

        List<String> casesBefore;

        boolean updatedAtSet;

        boolean taggedAtSet;

        Delta(E element) {
            this.element = element;
        }

        void assigned(String key, Object value, Object before) {
            if (key.equals("updatedAt")) {
                this.updatedAtSet = true;
            }
            if (key.equals("taggedAt")) {
                this.taggedAtSet = true;
            }
            if (bookkeeping(key, before) || Objects.deepEquals(value, before)) {
                return;
            }
            changed(key, before);
        }

        void removed(String key, Object before) {
            if (!bookkeeping(key, before)) {
                changed(key, before);
            }
        }

        private void changed(String key, Object before) {
            this.names.add(key);
            if (key.equals("cases")) {
                this.casesBefore = strings(before);
            }
        }

    }

    private static boolean bookkeeping(String key, Object before) {
        return key.startsWith("_") || BOOKKEEPING.contains(key) || (key.equals("id") && before == null);
    }

    private static List<String> propertyNames(Iterable<String> keys) {
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            if (!key.equals("id") && !bookkeeping(key, null)) {
                names.add(key);
            }
        }
        return List.copyOf(names);
    }

    /** Gives a created entity what every entity carries: an id and the times it was created and last changed. */
    private void complete(Node node) {
        if (!node.hasProperty("id")) {
            node.setProperty("id", UUID.randomUUID().toString());
        }
        if (!node.hasProperty("createdAt")) {
            node.setProperty("createdAt", this.now);
        }
        if (!node.hasProperty("updatedAt")) {
            node.setProperty("updatedAt", node.getProperty("createdAt"));
        }
    }

    /** A change of an entity; {@code casesBefore} its cases before, if the change set or removed them (else null). */
    private Change entityChange(ChangeKind kind, ChangedEntity entity, List<String> properties, List<String> casesBefore) {
        List<List<String>> sets = new ArrayList<>();
        if (casesBefore != null) {
            sets.add(casesBefore);
        }
        sets.add(entity.cases());
        return new Change(0, null, null, null, null, null, kind, entity, null, null, null, null, null, properties, nonEmpty(sets), null,
                casesBefore);
    }

    /** A change of a link; {@code casesBefore} its cases before, if the change set or removed them (else null). */
    private Change linkChange(ChangeKind kind, Relationship link, RelationshipType type, Map<String, Object> properties,
            List<String> names, List<String> casesBefore) {
        ChangedEntity from = end(link.getStartNode());
        ChangedEntity to = end(link.getEndNode());
        Map<String, Object> provenance = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (PROVENANCE.contains(key) && value != null) {
                provenance.put(key, plain(value));
            }
        });
        List<String> cases = strings(properties.get("cases"));
        List<List<String>> sets = new ArrayList<>(List.of(cases, from == null ? List.of() : from.cases(), to == null ? List.of() : to.cases()));
        if (casesBefore != null) {
            sets.add(casesBefore);
        }
        Object id = properties.get("id");
        return new Change(0, null, null, null, null, null, kind, null, id == null ? null : id.toString(), type.name(), from, to,
                provenance, names, nonEmpty(sets), link.getElementId(), casesBefore);
    }

    /** A link's end: read from the graph, or as it was if the transaction deleted it. */
    private ChangedEntity end(Node node) {
        String eid = node.getElementId();
        if (this.deletedLabels.containsKey(eid) || this.deletedNodeProperties.containsKey(eid)) {
            return deletedEntity(eid);
        }
        NodeKind kind = kindOf(node);
        return kind == null ? null : entity(node, kind);
    }

    private ChangedEntity entity(Node node, NodeKind kind) {
        return this.entities.computeIfAbsent(node.getElementId(), eid -> entity(kind, node.getAllProperties(), eid));
    }

    private ChangedEntity deletedEntity(String eid) {
        NodeKind kind = NodeKind.ofLabels(this.deletedLabels.getOrDefault(eid, List.of())).orElse(null);
        return kind == null ? null : entity(kind, this.deletedNodeProperties.getOrDefault(eid, Map.of()), eid);
    }

    private static ChangedEntity entity(NodeKind kind, Map<String, Object> properties, String eid) {
        Object id = properties.get("id");
        Object key = kind.keyProperty() == null ? null : properties.get(kind.keyProperty());
        return new ChangedEntity(id == null ? null : id.toString(), kind.name(), key == null ? null : String.valueOf(plain(key)),
                kind.caption(properties), strings(properties.get("cases")), eid);
    }

    private static NodeKind kindOf(Node node) {
        for (Label label : node.getLabels()) {
            NodeKind kind = NodeKind.ofLabel(label.name()).orElse(null);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static RelationshipType typeOf(Relationship link) {
        String name = link.getType().name();
        for (RelationshipType type : RelationshipType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static List<List<String>> nonEmpty(List<List<String>> sets) {
        return sets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** A property value as the feed keeps it: text for dates and times, lists for arrays. */
    static Object plain(Object value) {
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(TransactionChanges::plain).toList();
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                list.add(java.lang.reflect.Array.get(value, i));
            }
            return list;
        }
        return value;
    }

}
