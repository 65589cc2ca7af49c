package org.pangeagraph.audit;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import graphql.execution.DataFetcherResult;
import graphql.execution.FetchedValue;
import org.pangeagraph.entity.LinkView;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.Disclosed;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.NodeKind;

/**
 * What one GraphQL operation disclosed or changed, gathered while it runs: the operation, the ids of
 * the entities it resolved (whether or not the client asked for their ids) and the cases of every fact
 * it resolved; for a subscription, also each event it pushes, one by one. Kept in the operation's
 * GraphQL context; fields may complete on more than one thread.
 */
final class Disclosure {

    /** The key in the GraphQL context. */
    static final String CONTEXT_KEY = Disclosure.class.getName();

    private final String justification;

    private final Set<String> entityIds = Collections.synchronizedSet(new LinkedHashSet<>());

    private final Set<String> cases = Collections.synchronizedSet(new LinkedHashSet<>());

    /** The events a subscription completed and has not yet pushed, in the order it completed them. */
    private final Queue<Object> events = new ConcurrentLinkedQueue<>();

    private volatile String operationType;

    private volatile String operationName;

    Disclosure(String justification) {
        this.justification = justification;
    }

    String justification() {
        return this.justification;
    }

    void operation(String type, String name) {
        this.operationType = type;
        this.operationName = name;
    }

    String operationType() {
        return this.operationType;
    }

    String operationName() {
        return this.operationName;
    }

    List<String> entityIds() {
        synchronized (this.entityIds) {
            return List.copyOf(this.entityIds);
        }
    }

    Set<String> cases() {
        synchronized (this.cases) {
            return Set.copyOf(this.cases);
        }
    }

    /** Takes note of an event a subscription completed, to be pushed next after those before it. */
    void event(Object value) {
        this.events.add(value);
    }

    /**
     * What the oldest event not yet pushed shows, by itself: its entities and cases. A subscription's
     * events are pushed in the order they were completed.
     */
    Disclosure nextEvent() {
        Disclosure shown = new Disclosure(this.justification);
        shown.operation(this.operationType, this.operationName);
        Object event = this.events.poll();
        if (event != null) {
            shown.resolved(event);
        }
        return shown;
    }

    /** Takes note of a value a field resolved to: an entity, a link, or a list of them. */
    void resolved(Object value) {
        if (value instanceof FetchedValue fetched) {
            resolved(fetched.getFetchedValue());
        }
        else if (value instanceof DataFetcherResult<?> result) {
            resolved(result.getData());
        }
        else if (value instanceof Node node) {
            entity(node.id(), node.kind(), node.properties());
        }
        else if (value instanceof GraphNode node) {
            entity(node.id(), node.kind(), node.properties());
        }
        else if (value instanceof LinkView link) {
            cases(link.properties().get("cases"));
        }
        else if (value instanceof GraphEdge edge) {
            cases(edge.properties().get("cases"));
        }
        else if (value instanceof Disclosed fact) {
            cases(fact.cases());
            this.entityIds.addAll(fact.entityIds());
            fact.about().forEach(this::resolved);
        }
        else if (value instanceof Iterable<?> items) {
            items.forEach(this::resolved);
        }
    }

    /**
     * Takes note of the arguments of a mutation: the entities it names by id are the ones it changes,
     * and the cases it tags facts with are touched.
     */
    void mutated(Map<String, Object> arguments) {
        arguments.forEach((name, value) -> {
            if ((name.equals("id") || name.equals("ids")) && value != null) {
                strings(value).forEach(this.entityIds::add);
            }
            else if (name.equals("cases")) {
                cases(value);
            }
            else if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) map;
                mutated(nested);
            }
            else if (value instanceof Collection<?> list) {
                list.stream().filter(Map.class::isInstance).forEach(item -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> nested = (Map<String, Object>) item;
                    mutated(nested);
                });
            }
        });
    }

    /**
     * Takes note of what a mutation answered with: its payload names the entities it wrote, whether
     * or not the client selected them.
     */
    void changed(Object payload) {
        Object value = payload instanceof FetchedValue fetched ? fetched.getFetchedValue() : payload;
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    resolved(accessor.invoke(record));
                }
                catch (ReflectiveOperationException | RuntimeException ex) {
                    // a component that cannot be read names no entity
                }
            }
        }
        else {
            resolved(value);
        }
    }

    private void entity(String id, NodeKind kind, Map<String, Object> properties) {
        if (id != null) {
            this.entityIds.add(id);
        }
        cases(properties.get("cases"));
        if (kind == NodeKind.CASE && properties.get("number") instanceof String number) {
            this.cases.add(number);
        }
    }

    private void cases(Object value) {
        strings(value).forEach(this.cases::add);
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

}
