package org.pangeagraph.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One audited request, before it is chained into the log.
 *
 * @param time when the request arrived (UTC)
 * @param user who made it
 * @param roles the user's roles
 * @param client the client's address, if known
 * @param type QUERY, MUTATION, SUBSCRIPTION (its start), SUBSCRIPTION_EVENT (each event a subscription
 * pushed), EXPORT, IMPORT, HTTP (a request refused before it became an operation), INVALID (a document
 * that does not parse) or SIGN_IN (failed sign-ins)
 * @param operation the operation's name, the export's path, or the import's first script
 * @param documentHash SHA-256 of the GraphQL document (or the export's request line), hex
 * @param variables the variables, redacted
 * @param justification why the request was made, as the caller said
 * @param cases the case numbers touched
 * @param entityIds the ids of the entities returned or changed
 * @param outcome OK, DENIED, ERROR or ROLLED_BACK
 * @param errors the error codes of the answer
 * @param durationMillis how long the request took
 * @param details what else an auditor needs for this type (an import's files and counts, an HTTP
 * refusal's method, path and status)
 */
public record AuditEvent(Instant time, String user, List<String> roles, String client, String type, String operation,
        String documentHash, Map<String, Object> variables, String justification, Set<String> cases,
        List<String> entityIds, Outcome outcome, List<String> errors, long durationMillis, Map<String, Object> details) {

    public AuditEvent {
        roles = roles == null ? List.of() : roles.stream().sorted().toList();
        cases = cases == null ? Set.of() : new TreeSet<>(cases);
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
        errors = errors == null ? List.of() : List.copyOf(errors);
        variables = variables == null ? Map.of() : variables;
        details = details == null ? Map.of() : details;
    }

    /** How a request ended. */
    public enum Outcome {
        /** Answered without errors. */
        OK,
        /** Refused: not allowed, over a limit, or without a required justification. */
        DENIED,
        /** Answered with errors. */
        ERROR,
        /**
         * A mutation answered with errors: it is one transaction, so nothing of it was written (none of its
         * entities is listed). A refused mutation is DENIED, and wrote nothing either.
         */
        ROLLED_BACK;

        /** Error codes that mean the request was refused rather than failed. */
        private static final Set<String> REFUSALS = Set.of("FORBIDDEN", "UNAUTHENTICATED", "JUSTIFICATION_REQUIRED",
                "LIMIT_EXCEEDED");

        /** The outcome of an answer with these error codes. */
        public static Outcome of(List<String> errors) {
            if (errors.isEmpty()) {
                return OK;
            }
            return errors.stream().anyMatch(REFUSALS::contains) ? DENIED : ERROR;
        }

        /** The outcome of an operation of this type (QUERY, MUTATION, ...) answered with these error codes. */
        public static Outcome of(String type, List<String> errors) {
            Outcome outcome = of(errors);
            return outcome == ERROR && "MUTATION".equals(type) ? ROLLED_BACK : outcome;
        }
    }

}
