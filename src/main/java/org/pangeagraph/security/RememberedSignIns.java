package org.pangeagraph.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

    /**
     * The keyed hash, one per thread: looking the algorithm up and keying it for every request cost more
     * than the hash itself. {@link Mac#doFinal} leaves it ready for the next fingerprint.
     */
    private final ThreadLocal<Mac> macs;

    /** The checks under way, by the fingerprint of the credentials checked. */
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    RememberedSignIns(AuthenticationProvider passwords, Duration remembered) {
        this.passwords = passwords;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(remembered).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return check(authentication, () -> () -> {
        });
    }

    /** The sign-in, if these credentials were checked and found right within the last few minutes; else null. */
    Authentication remembered(Authentication authentication) {
        return authentication.getCredentials() instanceof String password
                ? this.verified.getIfPresent(fingerprint(authentication.getName(), password)) : null;
    }

    /**
     * Checks the credentials, unless they are remembered. The same credentials sent several times at
     * once are checked once, the others waiting for its outcome: a client's first requests in parallel
     * cost one hash, not one each. Before it checks, {@code admission} is asked (it may refuse by
     * throwing); what it returns is run once the credentials proved right.
     */
    Authentication check(Authentication authentication, Supplier<Runnable> admission) {
        if (!(authentication.getCredentials() instanceof String password)) {
            Runnable admitted = admission.get();
            Authentication checked = this.passwords.authenticate(authentication);
            admitted.run();
            return checked;
        }
        String fingerprint = fingerprint(authentication.getName(), password);
        Authentication known = this.verified.getIfPresent(fingerprint);
        if (known != null) {
            return known;
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = this.checking.putIfAbsent(fingerprint, mine);
        if (running != null) {
            return outcome(running);
        }
        try {
            Runnable admitted = admission.get();
            Authentication checked = this.passwords.authenticate(authentication);
            if (checked != null && checked.isAuthenticated()) {
                this.verified.put(fingerprint, checked);
                admitted.run();
            }
            mine.complete(checked);
            return checked;
        }
        catch (RuntimeException ex) {
            mine.completeExceptionally(ex);
            throw ex;
        }
        finally {
            this.checking.remove(fingerprint, mine);
        }
    }

    private static Authentication outcome(CompletableFuture<Authentication> running) {
        try {
            return running.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    String fingerprint(String name, String password) {
        Mac mac = this.macs.get();
        mac.update(name.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

}
