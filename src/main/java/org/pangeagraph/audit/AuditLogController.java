package org.pangeagraph.audit;

import java.time.OffsetDateTime;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.LimitExceededException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code auditLog} query: administrators read the audit trail, and that reading is audited like any query. */
@Controller
class AuditLogController {

    private static final int MAX_FIRST = 100;

    private final AuditTrail trail;

    AuditLogController(AuditTrail trail) {
        this.trail = trail;
    }

    @QueryMapping
    AuditLogQuery.AuditRecordConnection auditLog(@Argument String user, @Argument("case") String caseNumber, @Argument String entityId,
            @Argument OffsetDateTime from, @Argument OffsetDateTime to, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        if (!caller.roles().contains("ADMIN")) {
            throw new ForbiddenException(null, "Only administrators may read the audit log");
        }
        LimitExceededException.bounded("first", first, MAX_FIRST);
        // A case number in its normal form, as the records hold it and every other filter reads it.
        String inCase = caseNumber == null ? null : InvalidInputException.check("case", caseNumber, KeyForm.CODE);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "is before from");
        }
        return AuditLogQuery.read(this.trail.log(), new AuditLogQuery.Filter(user, inCase, entityId, from, to), first, after);
    }

}
