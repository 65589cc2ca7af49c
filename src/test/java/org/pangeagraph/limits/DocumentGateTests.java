package org.pangeagraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/** A document sent again is neither parsed, measured nor validated again: the gate answers from its cache. */
class DocumentGateTests {

    private final DocumentGate gate = new DocumentGate(new LimitsProperties(10, 15, 1000, 2000, 30, 20, 50, 15000,
            Duration.ofSeconds(10), 600, 8, Map.of()));

    private final AtomicInteger validations = new AtomicInteger();

    @Test
    void aRepeatedDocumentIsParsedAndValidatedOnce() throws Exception {
        String query = "query site($d: String!) { website(domain: $d) { domain name } }";

        PreparsedDocumentEntry first = entry(query);
        PreparsedDocumentEntry second = entry(query);
        entry("query other { websites(first: 1) { totalCount } }");

        assertThat(second).isSameAs(first);
        assertThat(this.validations).hasValue(2);
    }

    @Test
    void aRefusedDocumentIsRefusedFromTheCacheWithoutValidation() throws Exception {
        String deep = "{ a { b { c { d { e { f { g { h { i { j { k { l } } } } } } } } } } } }";

        PreparsedDocumentEntry first = entry(deep);
        PreparsedDocumentEntry second = entry(deep);

        assertThat(first.hasErrors()).isTrue();
        assertThat(second).isSameAs(first);
        assertThat(this.validations).hasValue(0);
    }

    private PreparsedDocumentEntry entry(String query) throws Exception {
        ExecutionInput input = ExecutionInput.newExecutionInput(query).build();
        return this.gate.getDocumentAsync(input, in -> {
            this.validations.incrementAndGet();
            return new PreparsedDocumentEntry(Parser.parse(in.getQuery()));
        }).get();
    }

}
