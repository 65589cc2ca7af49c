package org.pangeagraph.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in ({@code pangea.security.*}): the built-in users, and how the claims of a bearer
 * token map to a name, roles and cases. Which identity provider signs tokens is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param users the built-in users, who sign in over HTTP Basic
 * @param jwt the claims of a bearer token that carry the user's name, roles and cases
 * @param failedSignIns how repeated failed sign-ins are slowed down
 */
@ConfigurationProperties("pangea.security")
public record SecuritySettings(List<BuiltInUser> users, @DefaultValue Jwt jwt, @DefaultValue FailedSignIns failedSignIns) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * A user from configuration.
     *
     * @param name the user name
     * @param password the password hash with its encoder id, e.g. {@code {bcrypt}$2a$10$...}; never the password
     * @param roles VIEWER, INVESTIGATOR, ADMIN
     * @param cases the case numbers the user is a member of
     */
    public record BuiltInUser(String name, String password, List<String> roles, List<String> cases) {

        public BuiltInUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
            cases = cases == null ? List.of() : List.copyOf(cases);
        }

    }

    /**
     * Where a bearer token carries what the application needs. A path with dots reads nested claims,
     * as Keycloak nests realm roles under {@code realm_access.roles}.
     *
     * @param nameClaim the user name; the token's subject when the claim is missing
     * @param rolesClaim the roles: a list, or a string of names separated by spaces or commas
     * @param casesClaim the case numbers, in the same forms
     */
    public record Jwt(@DefaultValue("preferred_username") String nameClaim, @DefaultValue("roles") String rolesClaim,
            @DefaultValue("cases") String casesClaim) {
    }

    /**
     * How repeated failed sign-ins with a password are slowed down ({@code pangea.security.failed-sign-ins.*};
     * docs/security.md). Each user name and each client address may fail {@code freeAttempts} times; the
     * failure that reaches that count makes the next attempt wait {@code firstDelay}, and every further
     * failure doubles the wait, up to the ceiling. Meanwhile attempts are answered with HTTP 429 and
     * {@code Retry-After}, unchecked.
     *
     * @param freeAttempts failures allowed before any wait
     * @param firstDelay the wait after the failure that reaches {@code freeAttempts}; doubled for each one after
     * @param maxUserDelay the longest wait for a user name, which strangers can make fail from anywhere
     * @param maxAddressDelay the longest wait for a client address, and for a user at an address trusted for them
     * @param forgetAfter a user name or address that has not failed for this long starts again from nothing
     * @param trustedFor how long an address a user signed in from stays trusted for that user: attempts from
     * there for that user answer only to that user's failures from there
     */
    public record FailedSignIns(@DefaultValue("5") int freeAttempts, @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("30s") Duration maxUserDelay, @DefaultValue("15m") Duration maxAddressDelay,
            @DefaultValue("15m") Duration forgetAfter, @DefaultValue("24h") Duration trustedFor) {
    }

}
