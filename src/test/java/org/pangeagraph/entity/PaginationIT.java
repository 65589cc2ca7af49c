package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pangeagraph.support.ApiErrors.expectError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Lists: keyset pages in key order, counts, limits and filters. */
@IntegrationTest
class PaginationIT {

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() { };

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void twentyThreeStorefronts() {
        this.graph.startWith("storefront-pages");
    }

    @Test
    void aPageSizeSentAsNullIsTheDefaultPageOfTwenty() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", null);
        var page = this.client.tester().documentName("pages").operationName("websites").variables(variables).execute();

        page.path("websites.edges").entityList(Object.class).hasSize(20);
        page.path("websites.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void pagesOfFiveWalkEveryStorefrontOnceInDomainOrder() {
        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String after = null;
        boolean hasNextPage = true;
        while (hasNextPage) {
            var page = websites(Map.of(), 5, after);
            List<String> domains = page.path("websites.edges[*].node.domain").entityList(String.class).get();
            List<String> cursors = page.path("websites.edges[*].cursor").entityList(String.class).get();
            page.path("websites.totalCount").entity(Integer.class).isEqualTo(23);
            page.path("websites.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            page.path("websites.pageInfo.startCursor").entity(String.class).isEqualTo(cursors.get(0));
            page.path("websites.pageInfo.endCursor").entity(String.class).isEqualTo(cursors.get(cursors.size() - 1));
            hasNextPage = page.path("websites.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("websites.pageInfo.endCursor").entity(String.class).get();
            walked.addAll(domains);
            pageSizes.add(domains.size());
            assertThat(pageSizes).as("pages so far").hasSizeLessThan(10);
        }

        assertThat(pageSizes).containsExactly(5, 5, 5, 5, 3);
        assertThat(walked).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 23).mapToObj("shop-%02d.example"::formatted).toList());
    }

    @Test
    void aFilteredListIsPagedAndCountedWithinTheFilter() {
        Map<String, Object> takenDown = Map.of("status", List.of("TAKEN_DOWN"));

        var first = websites(takenDown, 2, null);
        first.path("websites.edges[*].node.domain").entityList(String.class)
            .containsExactly("shop-04.example", "shop-08.example");
        first.path("websites.totalCount").entity(Integer.class).isEqualTo(5);
        String after = first.path("websites.pageInfo.endCursor").entity(String.class).get();

        var second = websites(takenDown, 2, after);
        second.path("websites.edges[*].node.domain").entityList(String.class)
            .containsExactly("shop-12.example", "shop-16.example");
        second.path("websites.totalCount").entity(Integer.class).isEqualTo(5);
        after = second.path("websites.pageInfo.endCursor").entity(String.class).get();

        var last = websites(takenDown, 2, after);
        last.path("websites.edges[*].node.domain").entityList(String.class).containsExactly("shop-20.example");
        last.path("websites.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void pagesWalkPeopleOfTheSameNameOnceEach() {
        List<String> walked = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 4; page++) {
            var response = people(Map.of(), 1, after);
            walked.addAll(response.path("people.edges[*].node.id").entityList(String.class).get());
            after = response.path("people.pageInfo.endCursor").entity(String.class).get();
        }

        assertThat(walked).containsExactly("person-2", "person-1", "person-4", "person-3");
        people(Map.of(), 1, after).path("people.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void aPageLargerThanAHundredIsRefused() {
        expectError(websites(Map.of(), 101, null), "LIMIT_EXCEEDED", "first");
        websites(Map.of(), 100, null).path("websites.edges").entityList(Object.class).hasSize(23);
    }

    @Test
    void aCursorTheApiDidNotIssueIsRefused() {
        expectError(websites(Map.of(), 5, "not-a-cursor!"), "INVALID_INPUT", "after");
        expectError(websites(Map.of(), 5, "c2hvcC0wMS5leGFtcGxl"), "INVALID_INPUT", "after");
    }

    @Test
    void storefrontsAreFilteredByStatusCategoryDatesTextAndCase() {
        assertThat(domains(Map.of("status", List.of("ACTIVE", "TAKEN_DOWN")))).hasSize(11);
        assertThat(domains(Map.of("categories", List.of("CONTROLLED")))).containsExactly("shop-03.example",
                "shop-06.example", "shop-09.example", "shop-12.example", "shop-15.example", "shop-18.example",
                "shop-21.example");
        assertThat(domains(Map.of("firstSeen", Map.of("from", "2009-11-05", "to", "2009-11-07"))))
            .containsExactly("shop-04.example", "shop-05.example", "shop-06.example");
        assertThat(domains(Map.of("firstSeen", Map.of("from", "2009-11-23")))).containsExactly("shop-22.example",
                "shop-23.example");
        assertThat(domains(Map.of("text", "CANADIAN health"))).containsExactly("shop-07.example");
        assertThat(domains(Map.of("text", "shop-1"))).hasSize(10).allMatch(d -> d.startsWith("shop-1"));
        assertThat(domains(Map.of("case", "case-2009-001"))).containsExactly("shop-01.example", "shop-02.example",
                "shop-03.example");
        assertThat(domains(Map.of("status", List.of("ACTIVE"), "categories", List.of("LIFESTYLE"))))
            .containsExactly("shop-01.example", "shop-13.example");
    }

    @Test
    void anEmptyDateRangeIsRefused() {
        expectError(websites(Map.of("firstSeen", Map.of("from", "2009-11-07", "to", "2009-11-05")), 5, null),
                "INVALID_INPUT", "filter.firstSeen.to");
    }

    @Test
    void ipAddressesAreFilteredByCountries() {
        assertThat(ipAddresses(Map.of("country", List.of("NL")))).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(ipAddresses(Map.of("country", List.of("nl", "de")))).containsExactly("192.0.2.1", "192.0.2.2",
                "192.0.2.3");
        assertThat(ipAddresses(Map.of())).hasSize(5);
    }

    @Test
    void peopleAreFoundByNameOrAlias() {
        assertThat(peopleNamed(Map.of("text", "chemist"))).containsExactly("Jane Roe");
        assertThat(peopleNamed(Map.of("text", "JOHNNY"))).containsExactly("John Doe");
        assertThat(peopleNamed(Map.of("text", "doe"))).containsExactly("John Doe", "John Doe");
        assertThat(peopleNamed(Map.of("text", "doe", "case", "CASE-2009-001"))).containsExactly("John Doe");
        people(Map.of("case", "case-2009-001"), 20, null).path("people.edges[*].node.id").entityList(String.class)
            .containsExactly("person-4");
    }

    private List<String> domains(Map<String, Object> filter) {
        var response = websites(filter, 100, null);
        List<String> domains = response.path("websites.edges[*].node.domain").entity(STRINGS).get();
        response.path("websites.totalCount").entity(Integer.class).isEqualTo(domains.size());
        return domains;
    }

    private List<String> ipAddresses(Map<String, Object> filter) {
        return this.client.tester().documentName("pages").operationName("ipAddresses").variable("filter", filter)
            .execute().path("ipAddresses.edges[*].node.address").entity(STRINGS).get();
    }

    private List<String> peopleNamed(Map<String, Object> filter) {
        return people(filter, 20, null).path("people.edges[*].node.name").entity(STRINGS).get();
    }

    private GraphQlTester.Response websites(Map<String, Object> filter, int first, String after) {
        return page("websites", filter, first, after);
    }

    private GraphQlTester.Response people(Map<String, Object> filter, int first, String after) {
        return page("people", filter, first, after);
    }

    private GraphQlTester.Response page(String operation, Map<String, Object> filter, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        return this.client.tester().documentName("pages").operationName(operation).variables(variables).execute();
    }

}
