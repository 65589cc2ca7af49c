package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A right password's hash is checked once; a wrong one, every time, and never taken for a right one. */
class RememberedSignInsTests {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private int checks;

    private final RememberedSignIns signIns = new RememberedSignIns(passwords(), Duration.ofMinutes(5));

    @Test
    void aRightPasswordIsCheckedOnceAndRemembered() {
        Authentication first = this.signIns.authenticate(token("alice", "right-password"));
        Authentication second = this.signIns.authenticate(token("alice", "right-password"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("alice");
        assertThat(second.getAuthorities()).extracting(Object::toString).contains("ROLE_VIEWER");
        assertThat(this.checks).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefusedEveryTimeAlsoAfterTheRightOne() {
        this.signIns.authenticate(token("alice", "right-password"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> this.signIns.authenticate(token("alice", "wrong-password")))
                .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> this.signIns.authenticate(token("bob", "right-password")))
            .isInstanceOf(BadCredentialsException.class);
        assertThat(this.checks).isEqualTo(4);
    }

    /**
     * Each thread keeps its keyed hash between requests: a fingerprint depends on the name and password
     * alone, whichever thread computes it and whatever that thread computed before, and two callers'
     * credentials never share one (the name ends where the password begins).
     */
    @Test
    void fingerprintsAreTheCallersOwnOnEveryThread() throws Exception {
        List<String[]> credentials = List.of(new String[] { "alice", "right-password" }, new String[] { "alice", "wrong-password" },
                new String[] { "bob", "right-password" }, new String[] { "ab", "c" }, new String[] { "a", "bc" },
                new String[] { "", "alice" }, new String[] { "alice", "" });
        List<String> expected = new ArrayList<>();
        for (String[] c : credentials) {
            expected.add(this.signIns.fingerprint(c[0], c[1]));
        }
        assertThat(new HashSet<>(expected)).hasSameSizeAs(credentials);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<String>>> mismatches = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                mismatches.add(threads.submit(() -> {
                    Set<String> wrong = new HashSet<>();
                    for (int i = 0; i < 5_000; i++) {
                        int k = (i + offset) % credentials.size();
                        String[] c = credentials.get(k);
                        if (!this.signIns.fingerprint(c[0], c[1]).equals(expected.get(k))) {
                            wrong.add(c[0] + "/" + c[1]);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Set<String>> wrong : mismatches) {
                assertThat(wrong.get()).isEmpty();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRememberedSignInIsOnlyEverItsOwnUsers() throws Exception {
        RememberedSignIns two = new RememberedSignIns(passwords("alice", "bob"), Duration.ofMinutes(5));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> names = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String user = t % 2 == 0 ? "alice" : "bob";
                names.add(threads.submit(() -> {
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        seen.add(two.authenticate(token(user, "right-password")).getName());
                    }
                    return seen.stream().distinct().toList();
                }));
            }
            for (int t = 0; t < 8; t++) {
                assertThat(names.get(t).get()).containsExactly(t % 2 == 0 ? "alice" : "bob");
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThatThrownBy(() -> two.authenticate(token("bob", "wrong-password"))).isInstanceOf(BadCredentialsException.class);
    }

    private DaoAuthenticationProvider passwords() {
        return passwords("alice");
    }

    private DaoAuthenticationProvider passwords(String... names) {
        List<SecuritySettings.BuiltInUser> list = new ArrayList<>();
        for (String name : names) {
            list.add(new SecuritySettings.BuiltInUser(name, this.encoder.encode("right-password"), List.of("VIEWER"), List.of()));
        }
        BuiltInUsers users = new BuiltInUsers(list);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(name -> {
            this.checks++;
            return users.loadUserByUsername(name);
        });
        provider.setPasswordEncoder(this.encoder);
        return provider;
    }

    private static UsernamePasswordAuthenticationToken token(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

}
