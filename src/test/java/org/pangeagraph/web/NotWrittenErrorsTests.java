package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphQLError;
import org.junit.jupiter.api.Test;
import org.pangeagraph.db.DatabaseUnavailableException;
import org.pangeagraph.db.QueryTimeoutException;
import org.pangeagraph.model.ConflictException;

/**
 * The errors of a mutation operation that wrote nothing: a commit that failed is coded as the same
 * failure of a field, and each field without an error of its own is NOT_WRITTEN, naming the field that
 * failed; all of them aborted, none of them telling internals.
 */
class NotWrittenErrorsTests {

    private final NotWrittenErrors errors = new NotWrittenErrors();

    @Test
    void aCommitThatFailedIsCodedAsTheSameFailureOfAFieldAndSaysNothingWasWritten() {
        assertCommitFailed(new QueryTimeoutException(new IllegalStateException("MATCH (n) timed out")), "TIMEOUT",
                "Nothing was written: The query ran past its time limit and was stopped; narrow it (fewer hops, fewer ids,"
                        + " a smaller page)");
        assertCommitFailed(new DatabaseUnavailableException(new IllegalStateException("bolt://db:7687")), "DATABASE_UNAVAILABLE",
                "Nothing was written: The graph database is not reachable right now; try again shortly");
        assertCommitFailed(new ConflictException(null, "Another write held what this operation writes"), "CONFLICT",
                "Nothing was written: Another write held what this operation writes");
        GraphQLError unexpected = this.errors.commitFailed(new IllegalStateException("MATCH (w:Website) secret"));
        assertThat(unexpected.getExtensions()).isEqualTo(Map.of("code", "INTERNAL"));
        assertThat(unexpected.getMessage()).matches("Nothing was written: Internal error; quote reference [0-9a-f-]{36} to the"
                + " administrator");
    }

    @Test
    void aFieldWithoutAnErrorOfItsOwnIsNotWrittenNamingTheFieldThatFailed() {
        GraphQLError second = this.errors.notWritten("second", "first");
        assertThat(second.getPath()).isEqualTo(List.of("second"));
        assertThat(second.getErrorType()).isEqualTo(ErrorType.ExecutionAborted);
        assertThat(second.getExtensions()).containsExactly(Map.entry("code", "NOT_WRITTEN"), Map.entry("failedField", "first"));
        assertThat(second.getMessage()).isEqualTo("'second' was not written: a mutation operation is written whole or not at all,"
                + " and its field 'first' failed");

        GraphQLError uncommitted = this.errors.notWritten("only", null);
        assertThat(uncommitted.getExtensions()).isEqualTo(Map.of("code", "NOT_WRITTEN"));
        assertThat(uncommitted.getMessage()).isEqualTo("'only' was not written: a mutation operation is written whole or not at"
                + " all, and the operation could not be committed");
    }

    private void assertCommitFailed(RuntimeException failure, String code, String message) {
        GraphQLError error = this.errors.commitFailed(failure);
        assertThat(error.getErrorType()).isEqualTo(ErrorType.ExecutionAborted);
        assertThat(error.getExtensions()).isEqualTo(Map.of("code", code));
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.getPath()).isNull();
    }

}
