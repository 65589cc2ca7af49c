package org.pangeagraph.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a bearer token issued by the identity provider: the user's name, roles and case memberships
 * from the claims {@code pangea.security.jwt.*} names. Role names that are no role of the application
 * (Keycloak adds {@code offline_access} and the like) are ignored.
 */
final class TokenGrants implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt claims;

    TokenGrants(SecuritySettings.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object name = claim(jwt.getClaims(), this.claims.nameClaim());
        String user = name instanceof String s && !s.isBlank() ? s : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, Grants.authorities(strings(claim(jwt.getClaims(), this.claims.rolesClaim())),
                strings(claim(jwt.getClaims(), this.claims.casesClaim()))), user);
    }

    /** The claim at a path such as {@code realm_access.roles}, or null. */
    static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (value instanceof String s) {
            return Arrays.stream(s.split("[\\s,]+")).filter(v -> !v.isEmpty()).toList();
        }
        return List.of();
    }

}
