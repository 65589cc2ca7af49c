package org.pangeagraph.limits;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.pangeagraph.model.CallerResolver;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** The API's limits: the document gate, the cost of queries, the request timeout, the per-user rate and concurrency. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    /** After the audit filter (order 0), so that a request refused here is audited. */
    static final int FILTER_ORDER = 10;

    /**
     * GraphQL operations run on threads of their own, so that a request thread can answer at the
     * timeout; as many as the database driver has connections (spring.neo4j.pool.max-connection-pool-size).
     */
    private static final int EXECUTION_THREADS = 64;

    private final LimitsProperties limits;

    LimitsConfiguration(LimitsProperties limits) {
        this.limits = limits;
    }

    @Bean
    DocumentGate documentGate() {
        return new DocumentGate(this.limits);
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentGateCustomizer(DocumentGate gate) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(gate));
    }

    @Bean
    CostInstrumentation costInstrumentation() {
        return new CostInstrumentation(this.limits);
    }

    /**
     * Not an interrupting scheduler: interrupting a thread inside the Neo4j driver closes its connection
     * and sets the driver retrying; a cancelled operation instead starts no further field.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService graphQlExecutor() {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(EXECUTION_THREADS, EXECUTION_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), task -> {
                    Thread thread = new Thread(task, "graphql-execution-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    RequestTimeoutInterceptor requestTimeoutInterceptor(DocumentGate gate, ExecutorService graphQlExecutor) {
        return new RequestTimeoutInterceptor(this.limits.requestTimeout(), gate.parserOptions(),
                Schedulers.fromExecutor(graphQlExecutor), Schedulers.boundedElastic());
    }

    @Bean
    FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(CallerResolver callers, GraphQlProperties graphQl) {
        PerUserLimits perUser = new PerUserLimits(this.limits.requestsPerMinute(), this.limits.concurrentRequestsPerUser(),
                System::nanoTime);
        FilterRegistrationBean<RequestLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestLimitFilter(perUser, callers, graphQl.getHttp().getPath()));
        registration.addUrlPatterns(graphQl.getHttp().getPath(), "/export/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

}
