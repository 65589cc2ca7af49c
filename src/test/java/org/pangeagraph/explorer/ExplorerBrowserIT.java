package org.pangeagraph.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.pangeagraph.alert.AlertSubscriptions;
import org.pangeagraph.seed.SampleDataIT;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestTokens;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GraphiQL and the explorer in headless Chromium, against the application on the seed (the sample
 * networks of docs/sample-data.md), on a machine with no route to the internet. Each test does what an
 * investigator would, then reads what the chart holds from the page's Cytoscape instance and checks it
 * against what the sample data holds; each saves a screenshot under target/browser/. No page may ask a
 * host other than the application, nor break its Content-Security-Policy.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserIT {

    /** steroid-depot.example's neighbours of any date: its IP addresses before and after the move, its registrar, parcels, takedown. */
    static final Set<String> STEROID_DEPOT_NEIGHBOURHOOD = Set.of("steroid-depot.example", "203.0.113.20", "203.0.113.10",
            "Offshore Names Example", "SAMPLE-0007", "SAMPLE-0008", "PANGEA-II: Operation Pangea II");

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient api;

    @Autowired
    ApplicationContext context;

    Browser browser;

    @BeforeAll
    void seedAndStartTheBrowser() throws IOException {
        assumeThat(Path.of(Browser.CHROMEDRIVER)).as("Debian's chromium-driver (.ci/run installs it)").exists();
        this.graph.startWithTheSeed();
        this.browser = new Browser(Integer.parseInt(this.api.baseUrl().substring(this.api.baseUrl().lastIndexOf(':') + 1)));
    }

    @AfterAll
    void stopTheBrowser() {
        if (this.browser != null) {
            this.browser.close();
        }
    }

    @Test
    @Order(1)
    void graphiQlLoadsFromTheApplicationAndRunsAQueryOfTheTour() {
        this.browser.open("/graphiql", TestUsers.VIEWER, TestUsers.password(TestUsers.VIEWER));
        this.browser.waiting(PATIENCE).until(d -> !this.browser.findAll(".graphiql-doc-explorer").isEmpty()
                && this.browser.find(".graphiql-doc-explorer").getText().contains("Query"));
        assertThat(this.browser.find(".graphiql-query-editor").getText()).contains("query Website", "query CriminalNetworks");
        assertThat(this.browser.find("a[href='explorer']").getText()).contains("Explorer");

        this.browser.find(".graphiql-execute-button").click();
        this.browser.waiting(PATIENCE).until(d -> this.browser.findAll("[role=menuitem]").size() == 5);
        this.browser.findAll("[role=menuitem]").stream().filter(item -> item.getText().equals("Website")).findFirst()
            .orElseThrow().click();
        // The answer pane is a CodeMirror editor, which draws only the lines in view: its whole text comes from its API.
        String wholeAnswer = "return document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()";
        this.browser.waiting(PATIENCE).until(d -> this.browser.<String>js(wholeAnswer).contains("Midway Hosting Example"));

        String answer = this.browser.js(wholeAnswer);
        assertThat(answer).contains("\"domain\": \"maple-leaf-pharmacy.example\"", "\"address\": \"198.51.100.10\"",
                "MID-EXAMPLE-RXP-0001", "domains@rx-partners.example").doesNotContain("\"errors\"");
        finish("graphiql");
    }

    @Test
    @Order(2)
    void aSearchedDomainIsExpandedByDoubleClickWithItsSiblingsAndItsLinksProvenance() {
        openExplorer(TestUsers.ADMIN);
        search("steroid-depot.example");
        assertThat(captions("node")).containsExactly("steroid-depot.example");

        String steroidDepot = idOf("steroid-depot.example");
        expand(steroidDepot);
        waitIdle();

        // The neighbourhood of depth 1, every date: both IP addresses of the move.
        assertThat(Set.copyOf(this.browser.<List<String>>js(
                "return pangeaExplorer.state.neighbourhood.filter(e => e.group === 'nodes').map(e => e.data.caption)")))
            .isEqualTo(STEROID_DEPOT_NEIGHBOURHOOD);
        assertThat(captions("node")).containsAll(STEROID_DEPOT_NEIGHBOURHOOD);
        assertThat(hostedAt("steroid-depot.example")).containsExactlyInAnyOrder("203.0.113.20", "203.0.113.10");
        assertThat(this.browser.<Boolean>js("return pangeaExplorer.state.truncated")).isFalse();

        // Picked by the clicks: its siblings are the other eleven storefronts of network B, marked and linked by score.
        assertThat(captions("node.picked")).containsExactly("steroid-depot.example");
        assertThat(captions("node.sibling")).containsExactlyInAnyOrderElementsOf(without(SampleDataIT.NETWORK_B, "steroid-depot.example"));
        assertThat(this.browser.<Long>js("return pangeaExplorer.cy.edges('.shares').length")).isEqualTo(11L);
        assertThat(this.browser.findAll("#siblings-list > li")).hasSize(11);

        // Its details: properties, and each link with its source, grade and validity.
        assertThat(this.browser.find("#details-caption").getText()).isEqualTo("steroid-depot.example");
        assertThat(linkRows()).contains("→ HOSTED_AT|203.0.113.20 (IP address)|sample-passive-dns-2009|B2|2009-03-17 to 2009-08-31|",
                "→ HOSTED_AT|203.0.113.10 (IP address)|sample-passive-dns-2009|B2|since 2009-09-01|",
                "→ REGISTERED_WITH|Offshore Names Example (Registrar)|sample-domain-whois-2009|B2|no dates|");
        finish("search-and-expand");
    }

    @Test
    @Order(3)
    void theNetworksPanelDrawsEachNetworkInItsColourAndATakedownStrandsItsStorefronts() {
        openExplorer(TestUsers.ADMIN);
        this.browser.find("#networks-button").click();
        waitIdle();
        List<WebElement> networks = this.browser.findAll("#networks-list li[data-network]");
        assertThat(networks).extracting(WebElement::getText).hasSize(3)
            .satisfiesExactly(a -> assertThat(a).startsWith("14 websites"), b -> assertThat(b).startsWith("12 websites")
                .contains("8 of 20 parcels seized, 6,600 pills"), c -> assertThat(c).startsWith("10 websites"));

        for (int i = 0; i < 3; i++) {
            this.browser.findAll("#networks-list li[data-network] button").get(i).click();
            waitIdle();
        }
        assertThat(captions("node[kind = 'WEBSITE'].net-0")).containsExactlyInAnyOrderElementsOf(SampleDataIT.NETWORK_A);
        assertThat(captions("node[kind = 'WEBSITE'].net-1")).containsExactlyInAnyOrderElementsOf(SampleDataIT.NETWORK_B);
        assertThat(captions("node[kind = 'WEBSITE'].net-2")).containsExactlyInAnyOrderElementsOf(SampleDataIT.NETWORK_C);
        assertThat(captions("node[kind = 'WEBSITE']")).hasSize(36);
        // What binds them is drawn too: A's merchant account, B's sender, C's operator.
        assertThat(captions("node.net-0")).contains("MID-EXAMPLE-RXP-0001");
        assertThat(captions("node.net-1")).contains("Bruno Sample");
        assertThat(captions("node.net-2")).contains("Carla Fictitious");
        assertThat(this.browser.findAll("#networks-list .swatch")).hasSize(3);
        finish("criminal-networks");

        // Taking network A's merchant account down strands the ten storefronts that have no other way to be paid.
        search("MID-EXAMPLE-RXP-0001");
        this.browser.find("#search-results button[data-id='" + idOf("MID-EXAMPLE-RXP-0001") + "']").click();
        waitIdle();
        assertThat(captions("node.picked")).containsExactly("MID-EXAMPLE-RXP-0001");
        this.browser.find("#takedown-button").click();
        waitIdle();
        List<String> stranded = captions("node.stranded");
        assertThat(stranded).hasSize(10).allMatch(SampleDataIT.NETWORK_A::contains)
            .doesNotContain("maple-leaf-pharmacy.example", "trusted-tablets.example", "quick-refill.example", "pillbox-online.example");
        assertThat(this.browser.findAll("#takedown-list li")).extracting(WebElement::getText).containsExactlyInAnyOrderElementsOf(stranded);
        this.browser.screenshot("takedown-impact");
    }

    @Test
    @Order(4)
    void twoPickedEntitiesShowThePathsBetweenThem() {
        openExplorer(TestUsers.ADMIN);
        search("Carla Fictitious");
        search("steroid-depot.example");
        String carla = idOf("Carla Fictitious");
        String steroidDepot = idOf("steroid-depot.example");

        click(carla, false);
        waitIdle();
        click(steroidDepot, true);
        waitIdle();

        assertThat(captions("node.picked")).containsExactlyInAnyOrder("Carla Fictitious", "steroid-depot.example");
        assertThat(this.browser.findAll("#paths-list > li")).extracting(WebElement::getText)
            .containsExactlyInAnyOrder("3 links: Carla Fictitious – Bruno Sample – SAMPLE-0007 – steroid-depot.example",
                    "3 links: Carla Fictitious – Bruno Sample – SAMPLE-0008 – steroid-depot.example",
                    "3 links: Carla Fictitious – weekend-pill-deals.example – PANGEA-II: Operation Pangea II – steroid-depot.example");
        assertThat(captions("node.on-path")).containsExactlyInAnyOrder("Carla Fictitious", "Bruno Sample", "SAMPLE-0007",
                "SAMPLE-0008", "weekend-pill-deals.example", "PANGEA-II: Operation Pangea II", "steroid-depot.example");
        assertThat(this.browser.<List<String>>js("return pangeaExplorer.cy.edges('.on-path').map(e => e.data('type'))"))
            .hasSize(8).containsOnly("OPERATES", "TOOK_DOWN", "ASSOCIATE_OF", "SENT_BY", "ORDERED_FROM");
        finish("paths");
    }

    @Test
    @Order(5)
    void theDateSliderMovesAStorefrontFromOneIpAddressToTheOther() {
        openExplorer(TestUsers.ADMIN);
        search("steroid-depot.example");
        click(idOf("steroid-depot.example"), false);
        waitIdle();
        this.browser.find("#expand-button").click();
        waitIdle();

        WebElement date = this.browser.find("#asof-date");
        date.sendKeys("2009-08-15", Keys.TAB);
        waitIdle();
        assertThat(hostedAt("steroid-depot.example")).containsExactly("203.0.113.20");
        assertThat(captions("node")).doesNotContain("203.0.113.10");
        assertThat(this.browser.find("#status").getText()).contains("as of 2009-08-15");

        // Seventeen days on with the keyboard: 1 September 2009, the day of the move.
        WebElement slider = this.browser.find("#asof-slider");
        for (int day = 0; day < 17; day++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        waitIdle();
        assertThat(date.getDomProperty("value")).isEqualTo("2009-09-01");
        assertThat(hostedAt("steroid-depot.example")).containsExactly("203.0.113.10");
        assertThat(captions("node")).doesNotContain("203.0.113.20");
        assertThat(linkRows()).anyMatch(row -> row.contains("203.0.113.10")).noneMatch(row -> row.contains("203.0.113.20"));
        finish("date-slider");
    }

    @Test
    @Order(6)
    void theChartExportsAsGraphMlThroughTheExportEndpointAndAsPng() throws Exception {
        openExplorer(TestUsers.ADMIN);
        search("steroid-depot.example");
        expand(idOf("steroid-depot.example"));
        waitIdle();

        this.browser.find("#export-graphml").click();
        waitIdle();
        Document graphml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(this.browser.downloaded("network.graphml").toFile());
        assertThat(ids(graphml, "node")).isEqualTo(Set.copyOf(this.browser.<List<String>>js(
                "return pangeaExplorer.state.neighbourhood.filter(e => e.group === 'nodes').map(e => e.data.id)")));
        assertThat(ids(graphml, "edge")).isEqualTo(Set.copyOf(this.browser.<List<String>>js(
                "return pangeaExplorer.state.neighbourhood.filter(e => e.group === 'edges').map(e => e.data.id)")));
        assertThat(ids(graphml, "node")).hasSize(STEROID_DEPOT_NEIGHBOURHOOD.size());

        this.browser.find("#export-png").click();
        byte[] png = Files.readAllBytes(this.browser.downloaded("pangea-chart.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        this.browser.screenshot("export");
        List<String> asked = this.browser.requestedUrls();
        assertThat(asked).anyMatch(url -> url.contains("/export/network.graphml?ids=" + idOf("steroid-depot.example")));
    }

    @Test
    @Order(7)
    void aViewerWithoutTheCaseSeesNoFactOfItOnTheChartAndAMemberSignedInWithATokenDoes() {
        String caseContact = "case-a-contact@steroid-depot.example";
        String upsert = RawGraphQl.query(this.api, "mutation { upsertEmailAddress(input: {address: \"" + caseContact
                + "\", cases: [\"CASE-A\"]}) { emailAddress { id } } }");
        String contactId = JsonPath.read(upsert, "$.data.upsertEmailAddress.emailAddress.id");
        String link = RawGraphQl.query(this.api, """
                mutation { link(input: {type: LISTS_CONTACT, from: {kind: WEBSITE, key: "steroid-depot.example"},
                  to: {kind: EMAIL_ADDRESS, key: "%s"}, source: "sample-site-captures-2009", grade: "B2", cases: ["CASE-A"]}) { created } }
                """.formatted(caseContact));
        assertThat(link).contains("\"created\":true");
        try {
            openExplorer(TestUsers.ADMIN);
            signIn(TestUsers.VIEWER);
            search("steroid-depot.example");
            expand(idOf("steroid-depot.example"));
            waitIdle();
            assertThat(captions("node")).containsAll(STEROID_DEPOT_NEIGHBOURHOOD).doesNotContain(caseContact);
            assertThat(this.browser.<List<String>>js("return pangeaExplorer.cy.edges().map(e => e.data('type'))"))
                .doesNotContain("LISTS_CONTACT");
            assertThat(linkRows()).isNotEmpty().noneMatch(row -> row.contains("case-a-contact") || row.contains("CASE-A"));
            search(caseContact);
            assertThat(captions("node")).doesNotContain(caseContact);
            assertThat(this.browser.find("#search-results").getText()).doesNotContain("case-a-contact");
            this.browser.screenshot("need-to-know-viewer");

            // A member of the case, signed in with a bearer token from the identity provider.
            String token = TestTokens.token("subject-a", Map.of("preferred_username", "member.of.a", "roles", "investigator",
                    "cases", List.of("CASE-A")));
            this.browser.find("#signin-token").sendKeys(token);
            this.browser.find("#token-button").click();
            this.browser.waiting(PATIENCE).until(d -> this.browser.find("#signed-in").getText().equals("Signed in with a token."));
            waitIdle();
            assertThat(captions("node")).as("the chart is cleared on a new sign-in").isEmpty();
            search("steroid-depot.example");
            expand(idOf("steroid-depot.example"));
            waitIdle();
            assertThat(captions("node")).contains(caseContact);
            assertThat(linkRows()).contains("→ LISTS_CONTACT|" + caseContact + " (E-mail address)|sample-site-captures-2009|B2|no dates|CASE-A");
            this.browser.screenshot("need-to-know-member");
        }
        finally {
            RawGraphQl.query(this.api, "mutation { deleteEntity(id: \"" + contactId + "\") { id } }");
        }
    }

    @Test
    @Order(8)
    void anApiErrorIsShownInWordsWithItsCode() {
        openExplorer(TestUsers.ADMIN);
        search("qqqqzzzzxxxx");
        assertThat(this.browser.find("#status").getText()).contains("Nothing matches “qqqqzzzzxxxx”");
        assertThat(captions("node")).isEmpty();

        search("steroid-depot.example");
        WebElement max = this.browser.find("#max-nodes");
        max.clear();
        max.sendKeys("5000");
        doubleClick(idOf("steroid-depot.example"));
        WebElement error = this.browser.find("#error");
        this.browser.waiting(PATIENCE).until(d -> error.isDisplayed());
        waitIdle();
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("LIMIT_EXCEEDED (maxNodes)").contains("2000");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(this.browser.<List<Object>>js("return pangeaExplorer.state.neighbourhood")).as("nothing expanded").isEmpty();
        assertThat(captions("node")).contains("steroid-depot.example").doesNotContain("203.0.113.10", "SAMPLE-0007");
        this.browser.screenshot("api-error");
    }

    @Test
    @Order(9)
    void myAlertsFollowsANewStorefrontOnAWatchedAccountDrawsItsEvidenceAndWorksIt() {
        this.graph.startWithTheSeed();
        GraphQlClient investigator = this.api.as(TestUsers.INVESTIGATOR_A);
        String account = JsonPath.read(RawGraphQl.query(investigator, "{ paymentAccount(identifier: \"MID-EXAMPLE-RXP-0001\") { id } }"),
                "$.data.paymentAccount.id");
        String watch = JsonPath.read(RawGraphQl.query(investigator, "mutation { createWatch(input: {name: \"Rx Partners merchant account\", "
                + "template: NEW_WEBSITE_ON_ITEM, targets: [\"" + account + "\"]}) { id } }"), "$.data.createWatch.id");
        try {
            openExplorer(TestUsers.INVESTIGATOR_A);
            this.browser.find("#alerts-follow").click();
            waitIdle();
            this.browser.waiting(PATIENCE).until(d -> this.browser.<Boolean>js("return pangeaExplorer.followingAlerts()")
                    && AlertSubscriptions.listening(this.context) >= 1);
            assertThat(this.browser.find("#alerts-list").getText()).isEqualTo("No alert in these states.");

            RawGraphQl.query(this.api, """
                    mutation {
                      site: upsertWebsite(input: {domain: "fresh-rx-outlet.example"}) { created }
                      link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "fresh-rx-outlet.example"},
                                   to: {kind: PAYMENT_ACCOUNT, key: "MID-EXAMPLE-RXP-0001"},
                                   source: "sample-test-purchases-2009", grade: "A2"}) { created }
                    }
                    """);
            String summary = "fresh-rx-outlet.example is a new website on MID-EXAMPLE-RXP-0001 (payment account)";
            this.browser.waiting(PATIENCE).until(d -> this.browser.find("#alerts-list").getText().contains(summary));
            assertThat(this.browser.find("#alerts-list").getText()).startsWith("[open] " + summary).contains("Rx Partners merchant account");

            this.browser.find("#alerts-list button.alert").click();
            waitIdle();
            assertThat(this.browser.find("#alert-summary").getText()).startsWith(summary);
            List<String> evidence = this.browser.js("return [...document.querySelectorAll('#alert-evidence tbody tr')]"
                    + ".map(row => [...row.cells].map(cell => cell.textContent).join('|'))");
            assertThat(evidence).containsExactly("ACCEPTS_PAYMENT_TO|fresh-rx-outlet.example (Website)|MID-EXAMPLE-RXP-0001 (Payment account)"
                    + "|sample-test-purchases-2009|A2|no dates|");
            assertThat(this.browser.<List<String>>js("return pangeaExplorer.cy.nodes('.evidence').map(n => n.data('caption'))"))
                .containsExactlyInAnyOrder("fresh-rx-outlet.example", "MID-EXAMPLE-RXP-0001");
            assertThat(this.browser.<List<String>>js("return pangeaExplorer.cy.edges('.evidence').map(e => e.data('type'))"))
                .containsExactly("ACCEPTS_PAYMENT_TO");

            this.browser.find("#alert button[data-status='IN_PROGRESS']").click();
            waitIdle();
            assertThat(this.browser.find("#alert-state").getText()).contains("in progress");
            this.browser.find("#alert-note").sendKeys("Test purchase ordered from the new storefront");
            this.browser.find("#alert-note-button").click();
            waitIdle();
            String id = this.browser.find("#alerts-list li").getAttribute("data-alert");
            String read = RawGraphQl.query(investigator, "{ alert(id: \"" + id + "\") { status history { by from to } notes { author text } } }");
            assertThat(JsonPath.<String>read(read, "$.data.alert.status")).as(read).isEqualTo("IN_PROGRESS");
            assertThat(JsonPath.<List<String>>read(read, "$.data.alert.history[*].to")).containsExactly("IN_PROGRESS");
            assertThat(JsonPath.<List<String>>read(read, "$.data.alert.history[*].by")).containsExactly(TestUsers.INVESTIGATOR_A);
            assertThat(JsonPath.<List<String>>read(read, "$.data.alert.notes[*].text"))
                .containsExactly("Test purchase ordered from the new storefront");

            new org.openqa.selenium.support.ui.Select(this.browser.find("#alerts-status")).selectByValue("DISMISSED");
            waitIdle();
            assertThat(this.browser.find("#alerts-list").getText()).isEqualTo("No alert in these states.");
            finish("my-alerts");
        }
        finally {
            RawGraphQl.query(investigator, "mutation { deleteWatch(id: \"" + watch + "\") }");
            String site = RawGraphQl.query(this.api, "{ website(domain: \"fresh-rx-outlet.example\") { id } }");
            String siteId = JsonPath.read(site, "$.data.website.id");
            if (siteId != null) {
                RawGraphQl.query(this.api, "mutation { deleteEntity(id: \"" + siteId + "\") { id } }");
            }
        }
    }

    /** Not an assertion of speed: the figures are printed for the README. */
    @Test
    @Order(10)
    void twoThousandEntitiesOnTheChartAreLaidOutAndRedrawn() {
        this.graph.load("explorer-two-thousand");
        openExplorer(TestUsers.ADMIN);
        WebElement max = this.browser.find("#max-nodes");
        max.clear();
        max.sendKeys("2000");
        search("Bulk Registrar Example");
        click(idOf("Bulk Registrar Example"), false);
        waitIdle();
        this.browser.find("#expand-button").click();
        this.browser.waiting(Duration.ofMinutes(5)).until(d -> !busy());

        assertThat(this.browser.<Long>js("return pangeaExplorer.state.neighbourhood.filter(e => e.group === 'nodes').length"))
            .isEqualTo(2000L);
        long nodes = this.browser.js("return pangeaExplorer.cy.nodes().length");
        assertThat(nodes).as("the neighbourhood and the search hits").isBetween(2000L, 2020L);
        assertThat(this.browser.<Boolean>js("return pangeaExplorer.state.truncated")).isTrue();
        assertThat(this.browser.find("#status").getText()).contains("TRUNCATED");
        long edges = this.browser.js("return pangeaExplorer.cy.edges().length");
        assertThat(edges).isGreaterThan(3000L);
        long layout = this.browser.js("return pangeaExplorer.timings.layoutMs");
        long redraw = this.browser.jsAsync("const done = arguments[arguments.length - 1]; pangeaExplorer.measureRedraw(7).then(done);");
        this.browser.find("#layout-select").sendKeys("Concentric");
        this.browser.waiting(Duration.ofMinutes(5)).until(d -> !busy());
        long concentric = this.browser.js("return pangeaExplorer.timings.layoutMs");
        System.out.printf("Explorer with %d entities and %d links: fcose layout %d ms, concentric layout %d ms, redraw %d ms (median of 7)%n",
                nodes, edges, layout, concentric, redraw);
        this.browser.screenshot("two-thousand");
    }

    /**
     * Saves a screenshot, and checks that no request of the page went to another host and that the page
     * broke no Content-Security-Policy rule and threw no error.
     */
    private void finish(String screenshot) {
        this.browser.screenshot(screenshot);
        this.browser.assertOnlyTheApplicationWasAsked();
        assertThat(this.browser.console()).noneMatch(line -> line.contains("Content Security Policy") || line.contains("Uncaught"));
    }

    private void openExplorer(String user) {
        this.browser.open("/explorer", user, TestUsers.password(user));
        this.browser.waiting(PATIENCE).until(d -> this.browser.<Boolean>js("return window.pangeaExplorer !== undefined"));
        this.browser.console();
    }

    private void signIn(String user) {
        this.browser.find("#signin-user").clear();
        this.browser.find("#signin-user").sendKeys(user);
        this.browser.find("#signin-password").sendKeys(TestUsers.password(user), Keys.ENTER);
        this.browser.waiting(PATIENCE).until(d -> this.browser.find("#signed-in").getText().equals("Signed in as " + user + "."));
        waitIdle();
    }

    /** Types into the search box and presses Enter, as a keyboard user would. */
    private void search(String text) {
        WebElement box = this.browser.find("#search-input");
        box.clear();
        box.sendKeys(text, Keys.ENTER);
        waitIdle();
    }

    private boolean busy() {
        return this.browser.<Boolean>js("return pangeaExplorer.busy()");
    }

    /** Until the page has no request on its way, no layout running and no date change waiting, twice in a row. */
    private void waitIdle() {
        this.browser.waiting(PATIENCE).pollingEvery(Duration.ofMillis(100)).until(d -> !busy() && sleep() && !busy());
    }

    private static boolean sleep() {
        try {
            Thread.sleep(150);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The rows of the picked entity's links in the details panel, cells joined by "|". */
    private List<String> linkRows() {
        return this.browser.js("return [...document.querySelectorAll('#details-links tbody tr')]"
                + ".map(row => [...row.cells].map(cell => cell.textContent).join('|'))");
    }

    private List<String> captions(String selector) {
        return this.browser.js("return pangeaExplorer.cy.elements(arguments[0]).map(e => e.data('caption'))", selector);
    }

    private String idOf(String caption) {
        List<String> ids = this.browser.js("return pangeaExplorer.cy.nodes().filter(n => n.data('caption') === arguments[0]).map(n => n.id())",
                caption);
        assertThat(ids).as("nodes captioned " + caption).hasSize(1);
        return ids.get(0);
    }

    /** The captions of the IP addresses a website's HOSTED_AT links on the chart lead to. */
    private List<String> hostedAt(String domain) {
        return this.browser.js("""
                const site = pangeaExplorer.cy.nodes().filter(n => n.data('caption') === arguments[0]);
                return site.outgoers('edge[type = "HOSTED_AT"]').map(e => e.target().data('caption'));
                """, domain);
    }

    /** A real click on the node where the chart draws it (Shift held to pick a second one). */
    private void click(String id, boolean shift) {
        var actions = moveTo(id);
        if (shift) {
            actions.keyDown(Keys.SHIFT).click().keyUp(Keys.SHIFT).perform();
        }
        else {
            actions.click().perform();
        }
    }

    private void doubleClick(String id) {
        moveTo(id).doubleClick().perform();
    }

    /**
     * Double-clicks the entity to expand it, and waits until the page holds it as expanded (set when its
     * neighbourhood has come). Waiting for idleness alone is not enough: on a loaded machine the page may
     * not have handled the click yet when the check runs, which then finds nothing to wait for.
     */
    private void expand(String id) {
        doubleClick(id);
        this.browser.waiting(PATIENCE).until(d -> this.browser.<Boolean>js("return pangeaExplorer.state.expanded.includes(arguments[0])", id));
    }

    private org.openqa.selenium.interactions.Actions moveTo(String id) {
        waitIdle();
        Map<String, Number> at = this.browser.js("""
                const cy = pangeaExplorer.cy, node = cy.getElementById(arguments[0]), p = node.renderedPosition();
                return { x: p.x - cy.width() / 2, y: p.y - cy.height() / 2 };
                """, id);
        return this.browser.actions().moveToElement(this.browser.find("#chart"), at.get("x").intValue(), at.get("y").intValue());
    }

    private static Set<String> ids(Document graphml, String tag) {
        Set<String> ids = new HashSet<>();
        NodeList elements = graphml.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            ids.add(((Element) elements.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static List<String> without(List<String> list, String left) {
        List<String> copy = new ArrayList<>(list);
        copy.remove(left);
        return copy;
    }

}
