package org.pangeagraph.security;

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
 */
@ConfigurationProperties("pangea.security")
public record SecuritySettings(List<BuiltInUser> users, @DefaultValue Jwt jwt) {

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

}
