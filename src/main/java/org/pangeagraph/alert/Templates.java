package org.pangeagraph.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

/**
 * The watches of criminal networks and of similar storefronts ask the API's own queries
 * ({@code criminalNetwork}, {@code sharedInfrastructure}), as their owner: what they find is exactly what
 * the owner would find, with the owner's need-to-know, from the same cached analyses. They run on the
 * matcher's thread, never on a request's.
 */
class Templates {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final String NETWORK = """
            query($containing: String!) { criminalNetwork(containing: $containing) {
              id websites { id entityKind caption cases } } }
            """;

    private static final String LINK = "id type source grade validFrom validTo recordedAt recordedBy cases";

    private static final String ENTITY = "id entityKind caption cases";

    private static final String SIBLINGS = """
            query($domain: String!, $minScore: Float, $first: Int) {
              self: website(domain: $domain) { %2$s }
              sharedInfrastructure(domain: $domain, minScore: $minScore, first: $first) {
                website { %2$s } score
                sharedItems { kind item { %2$s }
                  routesFromWebsite { links { %1$s } via { %2$s } }
                  routesFromOther { links { %1$s } via { %2$s } } } } }
            """.formatted(LINK, ENTITY);

    /** The API's own engine, looked up when first used: it is built from the controllers, this package's among them. */
    private final ObjectProvider<ExecutionGraphQlService> graphQl;

    Templates(ObjectProvider<ExecutionGraphQlService> graphQl) {
        this.graphQl = graphQl;
    }

    /** A criminal network as its watch sees it. */
    record Network(String id, List<ChangedEntity> websites) {
    }

    /** A website sharing infrastructure with another, the score and the routes of each to the shared items. */
    record Sibling(ChangedEntity website, double score, List<Shared> items) {
    }

    /** A shared item and the links that show it, from the website asked about and from the sibling. */
    record Shared(String kind, ChangedEntity item, List<List<Alert.Evidence>> fromWebsite, List<List<Alert.Evidence>> fromOther) {
    }

    /** The network containing the first of {@code websites} (ids or domains) that belongs to one; null if none does. */
    Network network(Caller owner, List<String> websites) {
        for (String website : websites) {
            ExecutionGraphQlResponse response = execute(owner, NETWORK, Map.of("containing", website));
            if (!response.getErrors().isEmpty()) {
                continue;
            }
            Map<String, Object> data = response.getData();
            if (data != null && data.get("criminalNetwork") instanceof Map<?, ?> network) {
                List<ChangedEntity> members = new ArrayList<>();
                for (Object w : (List<?>) network.get("websites")) {
                    members.add(entity((Map<?, ?>) w));
                }
                return new Network((String) network.get("id"), members);
            }
        }
        return null;
    }

    /** The websites sharing at least {@code minScore} with the one of {@code domain}, best first, at most 100. */
    List<Sibling> siblings(Caller owner, String domain, Double minScore) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("domain", domain);
        variables.put("minScore", minScore);
        variables.put("first", 100);
        ExecutionGraphQlResponse response = execute(owner, SIBLINGS, variables);
        if (!response.getErrors().isEmpty()) {
            ResponseError error = response.getErrors().get(0);
            throw new InvalidInputException("targets", "cannot be compared: " + error.getMessage());
        }
        List<Sibling> siblings = new ArrayList<>();
        Map<String, Object> data = response.getData();
        ChangedEntity self = data.get("self") instanceof Map<?, ?> found ? entity(found) : null;
        for (Object s : (List<?>) data.get("sharedInfrastructure")) {
            Map<?, ?> sibling = (Map<?, ?>) s;
            ChangedEntity website = entity((Map<?, ?>) sibling.get("website"));
            List<Shared> items = new ArrayList<>();
            for (Object i : (List<?>) sibling.get("sharedItems")) {
                Map<?, ?> item = (Map<?, ?>) i;
                ChangedEntity shared = entity((Map<?, ?>) item.get("item"));
                items.add(new Shared((String) item.get("kind"), shared, routes(item.get("routesFromWebsite"), self, shared),
                        routes(item.get("routesFromOther"), website, shared)));
            }
            siblings.add(new Sibling(website, ((Number) sibling.get("score")).doubleValue(), items));
        }
        return siblings;
    }

    /** Routes as evidence: each link from the entity before it (the website first) to the one after (the item last). */
    private static List<List<Alert.Evidence>> routes(Object value, ChangedEntity website, ChangedEntity item) {
        List<List<Alert.Evidence>> routes = new ArrayList<>();
        for (Object r : (List<?>) value) {
            Map<?, ?> route = (Map<?, ?>) r;
            List<ChangedEntity> stops = new ArrayList<>();
            stops.add(website);
            for (Object via : (List<?>) route.get("via")) {
                stops.add(entity((Map<?, ?>) via));
            }
            stops.add(item);
            List<Alert.Evidence> links = new ArrayList<>();
            List<?> raw = (List<?>) route.get("links");
            for (int i = 0; i < raw.size(); i++) {
                Map<?, ?> link = (Map<?, ?>) raw.get(i);
                Map<String, Object> provenance = new LinkedHashMap<>();
                for (String name : List.of("source", "grade", "validFrom", "validTo", "recordedAt", "recordedBy", "cases")) {
                    if (link.get(name) != null) {
                        provenance.put(name, link.get(name));
                    }
                }
                links.add(new Alert.Evidence((String) link.get("type"), (String) link.get("id"), stops.get(i),
                        i + 1 < stops.size() ? stops.get(i + 1) : item, provenance));
            }
            routes.add(links);
        }
        return routes;
    }

    private static ChangedEntity entity(Map<?, ?> entity) {
        if (entity == null) {
            return null;
        }
        return new ChangedEntity((String) entity.get("id"), (String) entity.get("entityKind"), null, (String) entity.get("caption"),
                AlertJson.strings(entity.get("cases")), null);
    }

    private ExecutionGraphQlResponse execute(Caller owner, String document, Map<String, Object> variables) {
        ExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, null, variables, Map.of(),
                "watch-" + owner.name(), null);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, owner)).build());
        return this.graphQl.getObject().execute(request).block(TIMEOUT);
    }

}
