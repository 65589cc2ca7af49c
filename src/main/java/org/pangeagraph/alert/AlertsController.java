package org.pangeagraph.alert;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pangeagraph.change.ChangeView;
import org.pangeagraph.change.SubscriptionLimits;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.Disclosed;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Watches and alerts over the API (alerts.graphqls): each user manages their own, and sees only what they may. */
@Controller
class AlertsController {

    static final int MAX_FIRST = 100;

    private final Watches watches;

    private final WatchStore watchStore;

    private final AlertStore alerts;

    private final AlertBus bus;

    private final Evidence evidence;

    private final SubscriptionLimits limits;

    private final AlertProperties properties;

    AlertsController(Watches watches, WatchStore watchStore, AlertStore alerts, AlertBus bus, Evidence evidence,
            SubscriptionLimits limits, AlertProperties properties) {
        this.watches = watches;
        this.watchStore = watchStore;
        this.alerts = alerts;
        this.bus = bus;
        this.evidence = evidence;
        this.limits = limits;
        this.properties = properties;
    }

    /** A watch as its owner sees it (alerts.graphqls, Watch); its targets and known websites are in the audit record. */
    record WatchView(String id, String name, String owner, WatchTemplate template, List<ChangeView.EntityView> targets,
            List<RelationshipType> relationshipTypes, int depth, String criminalNetwork, List<ChangeView.EntityView> knownWebsites,
            Double minScore, String minGrade, List<NodeKind> kinds, String webhookUrl, ZonedDateTime createdAt,
            LimitNotice limitExceeded) implements Disclosed {

        @Override
        public List<String> cases() {
            return List.of();
        }

        @Override
        public List<Object> about() {
            List<Object> about = new ArrayList<>(this.targets);
            about.addAll(this.knownWebsites);
            return about;
        }

    }

    record LimitNotice(String code, String limit, long suppressed, ZonedDateTime at) {
    }

    record AlertConnection(List<AlertEdge> edges, PageInfo pageInfo) {
    }

    record AlertEdge(String cursor, AlertView node) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    @QueryMapping
    List<WatchView> myWatches(@ContextValue Caller caller) {
        return this.watchStore.of(caller.name()).stream().map(w -> view(w, caller.visibility())).toList();
    }

    @QueryMapping
    AlertConnection myAlerts(@Argument List<AlertStatus> status, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        LimitExceededException.bounded("first", first, 1, MAX_FIRST);
        int offset = AlertStore.offsetAfter(after);
        List<Alert> page = this.alerts.page(caller.name(), caller.visibility(), status, offset, first + 1);
        List<AlertEdge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(first, page.size()); i++) {
            edges.add(new AlertEdge(AlertStore.cursor(offset + i), AlertView.of(page.get(i), caller.visibility())));
        }
        return new AlertConnection(edges, new PageInfo(page.size() > first, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @QueryMapping
    AlertView alert(@Argument String id, @ContextValue Caller caller) {
        Alert alert = this.alerts.find(id, caller.name(), caller.visibility());
        return alert == null ? null : AlertView.of(alert, caller.visibility());
    }

    @MutationMapping
    WatchView createWatch(@Argument Watches.Input input, @ContextValue Caller caller) {
        return view(this.watches.create(input, caller), caller.visibility());
    }

    @MutationMapping
    boolean deleteWatch(@Argument String id, @ContextValue Caller caller) {
        return this.watches.delete(id, caller);
    }

    @MutationMapping
    AlertView updateAlert(@Argument Map<String, Object> input, @ContextValue Caller caller) {
        String id = String.valueOf(input.get("id"));
        Object status = input.get("status");
        Alert updated = this.alerts.update(id, caller.name(), caller.visibility(),
                status == null ? null : AlertStatus.valueOf(status.toString()), (String) input.get("assignee"), (String) input.get("note"));
        if (updated == null) {
            throw new NotFoundException("input.id", "alert " + id + " of yours");
        }
        return AlertView.of(updated, caller.visibility());
    }

    @SubscriptionMapping
    Flux<AlertView> alertRaised(@ContextValue Caller caller) {
        Visibility visibility = caller.visibility();
        return this.limits.counted(caller.name(), this.bus.alerts()
            .filter(a -> (caller.name().equals(a.owner()) || caller.name().equals(a.assignee()))
                    && a.factCases().stream().allMatch(visibility::sees))
            .map(a -> AlertView.of(a, visibility)));
    }

    private WatchView view(Watch watch, Visibility reader) {
        WatchStore.Suppression suppression = this.watchStore.suppression(watch.id());
        LimitNotice notice = suppression == null ? null
                : new LimitNotice("LIMIT_EXCEEDED", "alertsPerMinute: " + this.properties.alertsPerMinute(), suppression.count(),
                        suppression.at());
        return new WatchView(watch.id(), watch.name(), watch.owner(), watch.template(), entities(watch.targets(), reader),
                watch.relationshipTypes(), watch.depth(), watch.criminalNetwork(), entities(watch.knownWebsites(), reader),
                watch.minScore(), watch.minGrade(), watch.kinds(), watch.webhookUrl(), watch.createdAt(), notice);
    }

    private List<ChangeView.EntityView> entities(List<String> ids, Visibility reader) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return this.evidence.entities(ids, reader).stream().filter(Objects::nonNull).map(e -> ChangeView.entity(e, reader)).toList();
    }

}
