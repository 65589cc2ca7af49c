package org.pangeagraph.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InvalidValueException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.Visibility;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user's roles and case memberships as Spring Security authorities ({@code ROLE_INVESTIGATOR},
 * {@code CASE_SAMPLE-2009-001}), whichever way they signed in, and the {@link Caller} they stand for.
 * Carrying cases as authorities keeps one path from a signed-in user to a caller for built-in users,
 * tokens and the import command.
 */
final class Grants {

    private static final String CASE = "CASE_";

    private Grants() {
    }

    /** The authorities of these role names and case numbers; names that are no role are left out. */
    static List<GrantedAuthority> authorities(Collection<String> roleNames, Collection<String> caseNumbers) {
        Set<String> authorities = new LinkedHashSet<>();
        roleNames.stream().map(Role::named).flatMap(Optional::stream).forEach(r -> authorities.add(r.authority()));
        for (String number : caseNumbers) {
            caseNumber(number).ifPresent(n -> authorities.add(CASE + n));
        }
        return authorities.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** The caller a user with these authorities is. */
    static Caller caller(String name, Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> cases = new ArrayList<>();
        for (GrantedAuthority granted : authorities) {
            String authority = granted.getAuthority();
            if (authority == null) {
                continue;
            }
            if (authority.startsWith(CASE)) {
                cases.add(authority.substring(CASE.length()));
            }
            else {
                Role.named(authority).filter(r -> r.authority().equals(authority)).ifPresent(roles::add);
            }
        }
        boolean admin = roles.contains(Role.ADMIN);
        boolean investigator = roles.contains(Role.INVESTIGATOR);
        Visibility visibility = admin ? Visibility.everything() : Visibility.ofCases(cases);
        return new Caller(name, roles.stream().map(Role::name).collect(Collectors.toSet()), visibility,
                admin || investigator, investigator ? cases : List.of());
    }

    private static Optional<String> caseNumber(String raw) {
        try {
            return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(KeyForm.CODE.normalise(raw));
        }
        catch (InvalidValueException ex) {
            return Optional.empty();
        }
    }

}
