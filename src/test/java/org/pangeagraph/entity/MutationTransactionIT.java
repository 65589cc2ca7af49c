package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One mutation operation is one transaction (issue 15, finding 3): with one field failing, none of the
 * operation's fields is written, the answer says so field by field, and the audit record lists no
 * entity and says the operation was rolled back. When every field succeeds, the reads of the payloads
 * (relationship fields through batch loaders included) see what the fields before them wrote.
 */
@IntegrationTest
class MutationTransactionIT {

    @Autowired
    GraphQlClient client;

    @Autowired
    TestGraph graph;

    @BeforeEach
    void oneOfEach() {
        this.graph.startWith("one-of-each");
    }

    @Test
    void aMutationWithOneBadFieldWritesNothingAndTheAnswerAndAuditSaySo() {
        String before = this.graph.snapshot();

        String answer = RawGraphQl.query(this.client, """
                mutation goodThenBad {
                  a: upsertWebsite(input: {domain: "good-one.example", name: "Good"}) { created website { id } }
                  b: upsertWebsite(input: {domain: "not a domain"}) { created }
                  c: link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: "pharma-direct.example"},
                                  to: {kind: IP_ADDRESS, key: "192.0.2.10"}}) { created }
                }""");

        assertThat(this.graph.snapshot()).as("nothing of the operation is written").isEqualTo(before);
        assertThat(JsonPath.<Object>read(answer, "$.data")).isNull();
        assertThat(JsonPath.<List<String>>read(answer, "$.errors[?(@.path[0] == 'b')].extensions.code")).containsExactly("INVALID_INPUT");
        assertThat(JsonPath.<List<String>>read(answer, "$.errors[?(@.path[0] == 'b')].extensions.field")).containsExactly("input.domain");
        for (String other : List.of("a", "c")) {
            assertThat(JsonPath.<List<String>>read(answer, "$.errors[?(@.path[0] == '" + other + "')].extensions.code"))
                .as(other).containsExactly("NOT_WRITTEN");
            assertThat(JsonPath.<List<String>>read(answer, "$.errors[?(@.path[0] == '" + other + "')].extensions.failedField"))
                .as(other).containsExactly("b");
        }
        Map<String, Object> audit = lastAudit("goodThenBad");
        assertThat(audit).containsEntry("outcome", "ROLLED_BACK");
        assertThat(audit.get("entityIds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
    }

    @Test
    void aMutationThatSucceedsWritesEveryFieldAndItsPayloadsSeeTheWritesBeforeThem() {
        String answer = RawGraphQl.query(this.client, """
                mutation siteAndHosting {
                  a: upsertWebsite(input: {domain: "new-store.example"}) { created website { id } }
                  b: link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: "new-store.example"},
                                  to: {kind: IP_ADDRESS, key: "192.0.2.10"}}) {
                    created
                    from { ... on Website { domain ipAddresses { node { address } } } }
                  }
                  c: upsertIpAddress(input: {address: "192.0.2.10", asn: 64500}) {
                    ipAddress { websites { node { domain } } }
                  }
                }""");

        assertThat(RawGraphQl.errorCodes(answer)).as(answer).isEmpty();
        assertThat(JsonPath.<List<String>>read(answer, "$.data.b.from.ipAddresses[*].node.address")).containsExactly("192.0.2.10");
        assertThat(JsonPath.<List<String>>read(answer, "$.data.c.ipAddress.websites[*].node.domain")).contains("new-store.example");
        assertThat(this.graph.count("MATCH (:Website {domain: 'new-store.example'})-[:HOSTED_AT]->(:IpAddress {asn: 64500}) RETURN count(*)"))
            .isOne();
        String siteId = JsonPath.read(answer, "$.data.a.website.id");
        Map<String, Object> audit = lastAudit("siteAndHosting");
        assertThat(audit).containsEntry("outcome", "OK");
        assertThat(audit.get("entityIds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(siteId);
    }

    @Test
    void aRefusedFieldRollsBackTheFieldsBeforeIt() {
        String before = this.graph.snapshot();

        String answer = this.client.as("investigator-a").send("""
                mutation { a: upsertWebsite(input: {domain: "mine.example", cases: ["CASE-A"]}) { created }
                           b: upsertWebsite(input: {domain: "theirs.example", cases: ["CASE-B"]}) { created } }""");

        assertThat(this.graph.snapshot()).isEqualTo(before);
        assertThat(RawGraphQl.errorCodes(answer)).containsExactlyInAnyOrder("FORBIDDEN", "NOT_WRITTEN");
    }

    /** The audit record of the newest operation of this name, read as an administrator reads it. */
    private Map<String, Object> lastAudit(String operation) {
        String log = this.client.send("{ auditLog(first: 5) { edges { node { operation outcome entityIds errors } } } }");
        List<Map<String, Object>> records = JsonPath.read(log, "$.data.auditLog.edges[*].node");
        return records.stream().filter(r -> operation.equals(r.get("operation"))).findFirst().orElseThrow();
    }

}
