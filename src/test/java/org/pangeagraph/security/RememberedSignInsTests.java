package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

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

    private DaoAuthenticationProvider passwords() {
        BuiltInUsers users = new BuiltInUsers(List.of(new SecuritySettings.BuiltInUser("alice",
                this.encoder.encode("right-password"), List.of("VIEWER"), List.of())));
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
