package org.pangeagraph.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks a built-in user's password once and remembers, for a few minutes, that it was right. Sign-in
 * is stateless, so HTTP Basic sends the password with every request, and a bcrypt hash is meant to be
 * slow (tens of milliseconds at cost 10): checking it again for every query would cost more than most
 * queries. Remembered is a keyed hash of the name and password, under a key made at start-up and kept
 * in memory only, never the password; a wrong password is never remembered and always checked in full.
 * Users come from configuration, so a changed password takes a restart, which forgets everything.
 */
final class RememberedSignIns implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    private final Cache<String, Authentication> verified;

    private final SecretKeySpec key;

    RememberedSignIns(AuthenticationProvider passwords, Duration remembered) {
        this.passwords = passwords;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(remembered).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return this.passwords.authenticate(authentication);
        }
        String fingerprint = fingerprint(authentication.getName(), password);
        Authentication known = this.verified.getIfPresent(fingerprint);
        if (known != null) {
            return known;
        }
        Authentication checked = this.passwords.authenticate(authentication);
        if (checked != null && checked.isAuthenticated()) {
            this.verified.put(fingerprint, checked);
        }
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

}
