package org.pangeagraph.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.security.FailedSignIn;
import org.pangeagraph.web.ErrorCode;
import org.springframework.context.event.EventListener;

/**
 * Records failed sign-ins, type {@code SIGN_IN}, outcome {@code DENIED}: one record for each wrong
 * password (code {@code UNAUTHENTICATED}), one for the attempts counted together over a few seconds
 * (refused unchecked while waiting, code {@code LIMIT_EXCEEDED}; invalid bearer tokens,
 * {@code UNAUTHENTICATED}), with how many there were. Written without forcing the disk: a failed
 * sign-in disclosed nothing, and a flood of them must not become a flood of disk syncs; the next
 * answer's record forces them with it.
 */
class SignInAudit {

    private final AuditTrail trail;

    SignInAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void failed(FailedSignIn failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("way", failure.way().name());
        details.put("attempts", failure.attempts());
        if (failure.attempts() > 1) {
            details.put("lastAttempt", failure.lastTime().toString());
        }
        String code = failure.throttled() ? ErrorCode.LIMIT_EXCEEDED.name() : ErrorCode.UNAUTHENTICATED.name();
        this.trail.record(new AuditEvent(failure.time(), failure.user(), List.of(), failure.client(), "SIGN_IN", null, null,
                Map.of(), null, Set.of(), List.of(), AuditEvent.Outcome.DENIED, List.of(code), 0, details), false);
    }

}
