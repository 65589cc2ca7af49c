package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class WebsiteIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    @Test
    void upsertingTheSameWebsiteTwiceLeavesOneWebsiteWithTheSameProperties() {
        Map<String, Object> input = Map.of("domain", "HTTPS://WWW.Shop.Example/buy?x=1", "name", "Canadian Health Shop",
                "status", "ACTIVE", "categories", List.of("LIFESTYLE", "PRESCRIPTION_ONLY"));

        var first = this.client.tester().documentName("upsertWebsite").variable("input", input).execute();
        first.path("upsertWebsite.created").entity(Boolean.class).isEqualTo(true);
        first.path("upsertWebsite.website.domain").entity(String.class).isEqualTo("shop.example");
        String id = first.path("upsertWebsite.website.id").entity(String.class).get();
        String snapshot = this.graph.snapshot();

        var second = this.client.tester().documentName("upsertWebsite").variable("input", input).execute();
        second.path("upsertWebsite.created").entity(Boolean.class).isEqualTo(false);
        second.path("upsertWebsite.website.id").entity(String.class).isEqualTo(id);
        second.path("upsertWebsite.website.version").entity(Integer.class).isEqualTo(1);

        assertThat(this.graph.count("MATCH (w:Website) RETURN count(w)")).isEqualTo(1);
        assertThat(this.graph.snapshot()).isEqualTo(snapshot);
    }

    @Test
    void aWebsiteIsFoundByItsDomainWrittenAnyWay() {
        this.client.tester().documentName("upsertWebsite").variable("input", Map.of("domain", "shop.example")).execute();

        for (String written : List.of("shop.example", "SHOP.EXAMPLE", "www.shop.example", "https://www.Shop.Example/buy",
                "http://shop.example:8080/x", "shop.example.")) {
            this.client.tester().documentName("website").variable("domain", written).execute()
                .path("website.domain").entity(String.class).isEqualTo("shop.example");
        }
    }

    @Test
    void aMalformedDomainIsRefusedNamingTheFieldAndWritesNothing() {
        String before = this.graph.snapshot();

        this.client.tester().documentName("upsertWebsite")
            .variable("input", Map.of("domain", "not a domain", "name", "x"))
            .execute()
            .errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_INPUT")
                    .containsEntry("field", "input.domain");
            });

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

}
