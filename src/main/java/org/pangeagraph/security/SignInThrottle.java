package org.pangeagraph.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down repeated failed sign-ins, per user name and per client address, without locking the real
 * user out. Each name and address may fail {@code freeAttempts} times; the failure that reaches that
 * count, and every one after it, makes it wait before its next attempt is checked: {@code firstDelay},
 * doubled for each further failure, up to a ceiling (short for a user name, which a stranger can make
 * fail from anywhere; longer for an address). A key that has not failed for {@code forgetAfter} starts
 * again from nothing.
 *
 * <p>An address from which a user signed in within {@code trustedFor} is trusted for that user: its
 * attempts for that user answer only to the failures of that user from that address, so a stranger
 * failing for the user elsewhere, or for other users from the same address, does not keep the user out
 * where they work. An attempt is counted as failed from the moment it is admitted, and counted back
 * when it succeeds, so that attempts sent in parallel get no more checks than attempts sent one by one.
 */
final class SignInThrottle {

    /** Why an attempt is not checked now, and after how many seconds to try again. */
    record Refusal(long retryAfterSeconds, String message) {
    }

    private static final String PAIR = "You have failed to sign in as this user too often";

    private static final String ADDRESS = "Sign-ins from your address have failed too often";

    private static final String USER = "Sign-ins as this user have failed too often";

    private final SecuritySettings.FailedSignIns settings;

    private final LongSupplier nanoTime;

    private final Cache<String, Failures> users;

    private final Cache<String, Failures> addresses;

    private final Cache<String, Failures> trustedPairs;

    private final Cache<String, Boolean> trusted;

    SignInThrottle(SecuritySettings.FailedSignIns settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        Duration kept = settings.forgetAfter().plus(settings.maxAddressDelay());
        this.users = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(kept).build();
        this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(kept).build();
        this.trustedPairs = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(kept).build();
        this.trusted = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(settings.trustedFor()).build();
    }

    /** An attempt admitted to be checked: counted as failed until {@link #succeeded()} says otherwise. */
    final class Attempt {

        private final Failures[] counted;

        private final String user;

        private final String client;

        private Attempt(String user, String client, Failures... counted) {
            this.user = user;
            this.client = client;
            this.counted = counted;
        }

        /** The password was right: the attempt is counted back, and the address is trusted for the user. */
        void succeeded() {
            for (Failures failures : this.counted) {
                failures.countBack();
            }
            trust(this.user, this.client);
        }

    }

    /**
     * Whether an attempt for {@code user} from {@code client} may be checked now; if so it is counted
     * as failed until it succeeds.
     *
     * @return the attempt, or the refusal (an {@link Refusal}) when it must wait
     */
    Object admit(String user, String client) {
        long now = this.nanoTime.getAsLong();
        if (isTrusted(user, client)) {
            Failures pair = this.trustedPairs.get(pair(user, client), k -> new Failures(this.settings.maxAddressDelay()));
            Refusal refusal = pair.admit(now, PAIR);
            return refusal != null ? refusal : new Attempt(user, client, pair);
        }
        Failures address = this.addresses.get(String.valueOf(client), k -> new Failures(this.settings.maxAddressDelay()));
        Failures name = this.users.get(String.valueOf(user), k -> new Failures(this.settings.maxUserDelay()));
        Refusal refusal = address.admit(now, ADDRESS);
        if (refusal != null) {
            return refusal;
        }
        refusal = name.admit(now, USER);
        if (refusal != null) {
            address.countBack();
            return refusal;
        }
        return new Attempt(user, client, address, name);
    }

    /** Why an attempt for {@code user} from {@code client} must wait, without counting it; null when it need not. */
    Refusal waiting(String user, String client) {
        long now = this.nanoTime.getAsLong();
        if (isTrusted(user, client)) {
            Failures pair = this.trustedPairs.getIfPresent(pair(user, client));
            return pair == null ? null : pair.refusal(now, PAIR);
        }
        Failures address = this.addresses.getIfPresent(String.valueOf(client));
        Refusal refusal = address == null ? null : address.refusal(now, ADDRESS);
        if (refusal != null) {
            return refusal;
        }
        Failures name = this.users.getIfPresent(String.valueOf(user));
        return name == null ? null : name.refusal(now, USER);
    }

    /** The address is trusted for the user, after a sign-in from it that was not checked here (a remembered one). */
    void trust(String user, String client) {
        if (user != null && client != null) {
            this.trusted.put(pair(user, client), Boolean.TRUE);
        }
    }

    boolean isTrusted(String user, String client) {
        return user != null && client != null && this.trusted.getIfPresent(pair(user, client)) != null;
    }

    private static String pair(String user, String client) {
        return user + '\u0000' + client;
    }

    /** The failures of one user name, address or trusted pair, and how long it must wait. */
    private final class Failures {

        private final long maxDelayNanos;

        private long count;

        private long lastFailure;

        private long blockedUntil;

        private boolean blocked;

        Failures(Duration maxDelay) {
            this.maxDelayNanos = maxDelay.toNanos();
        }

        /** Why the next attempt must wait, or null. */
        synchronized Refusal refusal(long now, String why) {
            if (this.count > 0 && now - this.lastFailure > SignInThrottle.this.settings.forgetAfter().toNanos()) {
                this.count = 0;
                this.blocked = false;
            }
            if (this.blocked && now - this.blockedUntil < 0) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(this.blockedUntil - now - 1) + 1);
                return new Refusal(seconds, why + "; try again in " + seconds + " s"
                        + " (pangea.security.failed-sign-ins)");
            }
            return null;
        }

        /** Counts an attempt as failed until it is counted back, unless it must wait. */
        synchronized Refusal admit(long now, String why) {
            Refusal refusal = refusal(now, why);
            if (refusal != null) {
                return refusal;
            }
            this.count++;
            this.lastFailure = now;
            long beyond = this.count - SignInThrottle.this.settings.freeAttempts();
            if (beyond >= 0) {
                long delay = SignInThrottle.this.settings.firstDelay().toNanos();
                for (long i = 0; i < beyond && delay < this.maxDelayNanos; i++) {
                    delay *= 2;
                }
                this.blockedUntil = now + Math.min(delay, this.maxDelayNanos);
                this.blocked = true;
            }
            return null;
        }

        synchronized void countBack() {
            this.count = Math.max(0, this.count - 1);
            if (this.count < SignInThrottle.this.settings.freeAttempts()) {
                this.blocked = false;
            }
        }

    }

}
