package org.pangeagraph.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.model.KeyForm;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The users of {@code pangea.security.users}, checked once at start: a misspelt role or case number
 * would otherwise pass unnoticed and leave a user seeing less, or more, than intended.
 */
final class BuiltInUsers implements UserDetailsService {

    private final Map<String, UserDetails> users;

    BuiltInUsers(List<SecuritySettings.BuiltInUser> configured) {
        Map<String, UserDetails> users = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            SecuritySettings.BuiltInUser user = configured.get(i);
            String where = "pangea.security.users[" + i + "]";
            if (user.name() == null || user.name().isBlank()) {
                problems.add(where + ".name is missing");
                continue;
            }
            if (user.password() == null || !user.password().startsWith("{")) {
                problems.add(where + ".password must be a hash with its encoder, e.g. {bcrypt}$2a$10$...");
            }
            if (user.roles().isEmpty()) {
                problems.add(where + ".roles is empty; give VIEWER, INVESTIGATOR or ADMIN");
            }
            user.roles().stream().filter(r -> Role.named(r).isEmpty())
                .forEach(r -> problems.add(where + ".roles: '" + r + "' is not VIEWER, INVESTIGATOR or ADMIN"));
            user.cases().stream().filter(c -> c == null || !KeyForm.CODE.accepts(c))
                .forEach(c -> problems.add(where + ".cases: '" + c + "' is not a case number"));
            if (users.containsKey(user.name())) {
                problems.add(where + ".name: '" + user.name() + "' is configured twice");
            }
            users.put(user.name(), User.withUsername(user.name()).password(String.valueOf(user.password()))
                .authorities(Grants.authorities(user.roles(), user.cases())).build());
        }
        if (!problems.isEmpty()) {
            throw new SecurityConfigurationException("The built-in users are misconfigured: " + String.join("; ", problems),
                    "Correct pangea.security.users; docs/security.md shows an example.");
        }
        this.users = Map.copyOf(users);
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        UserDetails user = this.users.get(name);
        if (user == null) {
            throw new UsernameNotFoundException("No such user");
        }
        // A copy: Spring Security erases the password of the user it authenticated.
        return User.withUserDetails(user).build();
    }

    boolean isEmpty() {
        return this.users.isEmpty();
    }

}
