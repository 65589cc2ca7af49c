package org.pangeagraph.audit;

import java.time.Clock;

import org.pangeagraph.model.CallerResolver;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail of the running application: the log, the GraphQL interceptor and instrumentation, the HTTP filter. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** After the security filters (order -100), which tell who is calling, and before the rate limits, so that a refusal is audited. */
    static final int FILTER_ORDER = 0;

    @Bean
    AuditTrail auditTrail(AuditProperties properties) {
        return new AuditTrail(AuditLog.of(properties), properties);
    }

    @Bean
    GraphQlAuditInterceptor graphQlAuditInterceptor(AuditTrail trail) {
        return new GraphQlAuditInterceptor(trail, Clock.systemUTC());
    }

    @Bean
    SignInAudit signInAudit(AuditTrail trail) {
        return new SignInAudit(trail);
    }

    @Bean
    AuditInstrumentation auditInstrumentation(AuditProperties properties) {
        return new AuditInstrumentation(properties.requireJustification());
    }

    @Bean
    FilterRegistrationBean<HttpAuditFilter> httpAuditFilter(AuditTrail trail, CallerResolver callers,
            GraphQlProperties graphQl) {
        FilterRegistrationBean<HttpAuditFilter> registration = new FilterRegistrationBean<>(
                new HttpAuditFilter(trail, callers, Clock.systemUTC()));
        registration.addUrlPatterns(graphQl.getHttp().getPath(), "/export/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

}
