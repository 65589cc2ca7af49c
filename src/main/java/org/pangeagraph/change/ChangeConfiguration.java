package org.pangeagraph.change;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.pangeagraph.db.BackgroundThreads;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.changes.ChangeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The change feed: recorded by the embedded database's listener when there is one, else by the
 * reconciliation; kept for {@code pangea.changes.retention}; followed by the alert matcher and the
 * subscriptions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ChangeProperties.class, SubscriptionLimits.Settings.class, WebSocketOrigins.Settings.class })
class ChangeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChangeConfiguration.class);

    /** Purging a month of a busy feed deletes many batches, a thousand a transaction. */
    private static final Duration PURGE_TIMEOUT = Duration.ofMinutes(30);

    /** How long one statement of the feed's store may take: bounded reads by index, and appends of the reconciliation. */
    private static final Duration STORE_STATEMENTS = Duration.ofSeconds(60);

    @Bean
    ChangeStore changeStore(GraphDb db) {
        return new ChangeStore(db.withTimeout(STORE_STATEMENTS));
    }

    @Bean
    ChangeFeed changeFeed(ChangeStore store, ChangeProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
        ChangeFeed feed = new ChangeFeed(store, properties.recentChanges());
        embedded.ifAvailable(database -> database.changeCapture().ifPresent(capture -> capture.onCommit(feed::committed)));
        return feed;
    }

    /** Threads of the feed's followers, the reconciliation and the purge: never a writer's thread. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService changeFeedExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, BackgroundThreads.named("change-feed"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Bean
    Followers followers(ChangeFeed feed, ScheduledExecutorService changeFeedExecutor, ChangeProperties properties) {
        return new Followers(feed, changeFeedExecutor, properties.pollEvery());
    }

    /** The Origin check on WebSocket upgrades, after the sign-in (the security filters come first). */
    @Bean
    FilterRegistrationBean<WebSocketOrigins> webSocketOrigins(WebSocketOrigins.Settings settings,
            @Value("${spring.graphql.websocket.path:/graphql-ws}") String path) {
        FilterRegistrationBean<WebSocketOrigins> registration = new FilterRegistrationBean<>(new WebSocketOrigins(settings));
        registration.addUrlPatterns(path);
        return registration;
    }

    @Bean
    SubscriptionLimits subscriptionLimits(SubscriptionLimits.Settings settings) {
        return new SubscriptionLimits(settings.subscriptionsPerUser());
    }

    /**
     * Once the application is ready (the schema migrated): the purge, and where no listener records the
     * writes, the reconciliation.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> changeFeedMaintenance(GraphDb db, ChangeStore store, ChangeFeed feed,
            ScheduledExecutorService changeFeedExecutor, ChangeProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
        return event -> {
            boolean listening = embedded.getIfAvailable() != null && embedded.getIfAvailable().changeCapture().isPresent();
            if (!listening) {
                Reconciliation reconciliation = new Reconciliation(db.withTimeout(STORE_STATEMENTS), store, feed, changeFeedExecutor,
                        properties.reconcileOverlap());
                db.addObserver(reconciliation);
                reconciliation.start(properties.reconcileEvery());
                log.info("Change feed: no listener on this database; reconciling every {} on updatedAt and recordedAt",
                        properties.reconcileEvery());
            }
            changeFeedExecutor.scheduleWithFixedDelay(() -> {
                try {
                    store.purge(ZonedDateTime.now(ZoneOffset.UTC).minus(properties.retention()), PURGE_TIMEOUT);
                }
                catch (RuntimeException ex) {
                    log.warn("Purging the change feed failed; it runs again in {}: {}", properties.purgeEvery(), ex.toString());
                }
            }, properties.purgeEvery().toMillis(), properties.purgeEvery().toMillis(), TimeUnit.MILLISECONDS);
        };
    }

}
