package org.pangeagraph.alert;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.pangeagraph.db.BackgroundThreads;
import org.pangeagraph.change.ChangeFeed;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.CallerResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;

/**
 * Watches and alerts: the stores, the matcher on a thread of its own, the webhook deliveries on another,
 * started once the application is ready (the schema migrated, the feed recording).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertConfiguration {

    /**
     * How long one statement of the matcher or of watch management may take: its own transactions, apart
     * from any mutation's, with a bound of their own rather than the API's per-request one.
     */
    private static final Duration STATEMENTS = Duration.ofSeconds(60);

    /** The graph as this package uses it: transactions of its own, never joined to a mutation's. */
    static final class AlertsDb {

        final GraphDb db;

        AlertsDb(GraphDb db) {
            this.db = db;
        }

    }

    @Bean
    AlertsDb alertsDb(GraphDb db) {
        return new AlertsDb(db.withTimeout(STATEMENTS));
    }

    @Bean
    WatchStore watchStore(AlertsDb db) {
        return new WatchStore(db.db);
    }

    @Bean
    AlertStore alertStore(AlertsDb db) {
        return new AlertStore(db.db);
    }

    @Bean
    AlertBus alertBus() {
        return new AlertBus();
    }

    @Bean
    Evidence alertEvidence(AlertsDb db, AlertProperties properties) {
        return new Evidence(db.db, properties.neighbourhood());
    }

    @Bean
    Templates alertTemplates(ObjectProvider<ExecutionGraphQlService> graphQl) {
        return new Templates(graphQl);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService alertMatcherThread() {
        return daemon("alert-matcher", 1);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService alertWebhookThreads() {
        return daemon("alert-webhook", 2);
    }

    @Bean
    WebhookSender webhookSender(AlertStore alerts, AlertProperties properties, ScheduledExecutorService alertWebhookThreads) {
        return new WebhookSender(alerts, properties.webhook(), alertWebhookThreads);
    }

    @Bean
    AlertMatcher alertMatcher(AlertsDb db, ChangeFeed feed, WatchStore watches, AlertStore alerts, Evidence alertEvidence,
            Templates alertTemplates, AlertBus bus, WebhookSender webhooks, AlertProperties properties,
            ScheduledExecutorService alertMatcherThread) {
        return new AlertMatcher(db.db, feed, watches, alerts, new Matching(alertEvidence), new Evaluations(alertTemplates, alertEvidence), bus, webhooks,
                properties, alertMatcherThread);
    }

    @Bean
    Watches watches(WatchStore store, Evidence alertEvidence, Templates alertTemplates, ChangeFeed feed, AlertMatcher matcher,
            AlertProperties properties) {
        return new Watches(store, alertEvidence, alertTemplates, feed, matcher, properties);
    }

    @Bean
    WatchOwnerSignIns watchOwnerSignIns(CallerResolver callers, Watches watches) {
        return new WatchOwnerSignIns(callers, watches);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> alertMatcherStart(AlertMatcher matcher) {
        return event -> matcher.start();
    }

    private static ScheduledExecutorService daemon(String name, int threads) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, BackgroundThreads.named(name));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

}
