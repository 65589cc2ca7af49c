package org.pangeagraph.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.pangeagraph.model.CallerResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request but the health check is signed in: by a built-in user over HTTP Basic, or by a bearer
 * token when an identity provider is configured ({@code spring.security.oauth2.resourceserver.jwt.*},
 * which makes Spring Boot provide the {@link JwtDecoder}). The API and the exports need one of the
 * roles; mutations are further gated by {@link WriterGate}, need-to-know by the caller's cases.
 *
 * <p>Stateless: credentials come with every request, nothing is kept in a session, so there is no
 * session cookie for a cross-site request to ride on; CSRF tokens would protect nothing. A browser's
 * remembered Basic credentials could ride, but the GraphQL endpoint takes JSON only, which a
 * cross-site form cannot send without a CORS preflight the application does not answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /** How long a checked password is taken as right without checking its hash again (RememberedSignIns). */
    private static final Duration REMEMBERED = Duration.ofMinutes(5);

    /** How often the failed sign-ins counted together (refused unchecked, invalid tokens) are recorded. */
    private static final Duration FAILURES_RECORDED_EVERY = Duration.ofSeconds(10);

    private static final String[] ROLES = { Role.VIEWER.name(), Role.INVESTIGATOR.name(), Role.ADMIN.name() };

    /** The browser pages and all they load (GraphiQL, the explorer, the webjars), for the same roles as the API. */
    private static final String[] PAGES = { "/graphiql", "/graphiql-page/**", "/explorer", "/explorer/**", "/webjars/**" };

    /**
     * Pages run only the application's own scripts (no inline script, no other host, no eval), talk only
     * to the application, and are not framed. Styles may be set inline (GraphiQL's editor and the chart's
     * library set element styles); fonts and pictures may be data URLs (GraphiQL's fonts, the chart's PNG).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    BuiltInUsers builtInUsers(SecuritySettings settings, PasswordEncoder encoder, Environment environment) {
        BuiltInUsers users = new BuiltInUsers(settings.users());
        if (environment.matchesProfiles("production")) {
            DemoUsers.refuseInProduction(settings.users(), encoder);
        }
        return users;
    }

    @Bean
    CallerResolver callers() {
        return new AuthenticatedCallers();
    }

    @Bean
    GraphQlSourceBuilderCustomizer writerGateAndCaseNumbers() {
        return builder -> builder.typeVisitors(List.of(new WriterGate(), new CaseNumbersShown()));
    }

    /**
     * No observation per security filter, sign-in and authorisation decision: a dozen timers per request
     * that nothing reads (the HTTP request and the GraphQL operation keep theirs). Measured in
     * docs/benchmarks.md as a share of the GraphQL layer's cost per request.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Every failed sign-in, into the audit trail; what is counted together is recorded every few seconds. */
    @Bean
    SignInFailures signInFailures(ApplicationEventPublisher events) {
        return new SignInFailures(events::publishEvent, Clock.systemUTC(), FAILURES_RECORDED_EVERY);
    }

    @Bean
    SignInThrottle signInThrottle(SecuritySettings settings) {
        return new SignInThrottle(settings.failedSignIns(), System::nanoTime);
    }

    /**
     * Passwords and tokens are each checked by one authentication manager of their own, with no parent to
     * fall back on: a wrong password is checked once, under the throttle, never a second time elsewhere.
     */
    @Bean
    SecurityFilterChain signedIn(HttpSecurity http, BuiltInUsers users, PasswordEncoder encoder,
            ObjectProvider<JwtDecoder> identityProvider, SecuritySettings settings, SignInThrottle throttle,
            SignInFailures failures) {
        JwtDecoder tokens = identityProvider.getIfAvailable();
        RefusalResponses refusals = new RefusalResponses(!users.isEmpty() || tokens == null, tokens != null);
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        http.authenticationManager(new ProviderManager(
                new ThrottledSignIns(new RememberedSignIns(passwords, REMEMBERED), throttle, failures)))
            .csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Stateless: no session to log out of, no request to replay after a sign-in page.
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(requests -> requests
                // The request itself was authorised; its error page need not be again (an async completion
                // does not pass the security filters at all: spring.security.filter.dispatcher-types).
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/graphql", "/graphql/**", "/graphql-ws", "/export/**").hasAnyRole(ROLES)
                .requestMatchers(PAGES).hasAnyRole(ROLES)
                .anyRequest().authenticated())
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
            .httpBasic(basic -> basic.realmName(RefusalResponses.REALM).authenticationEntryPoint(refusals))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        if (tokens != null) {
            JwtAuthenticationProvider bearer = new JwtAuthenticationProvider(tokens);
            bearer.setJwtAuthenticationConverter(new TokenGrants(settings.jwt()));
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(refusals).accessDeniedHandler(refusals)
                .jwt(jwt -> jwt.authenticationManager(new ProviderManager(new AuditedTokens(bearer, failures)))));
        }
        return http.build();
    }

}
