package org.pangeagraph.tools.benchmark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.tools.benchmark.Benchmark.Inputs;
import org.pangeagraph.tools.benchmark.Benchmark.Settings;
import org.pangeagraph.tools.benchmark.Load.RequestFailed;
import org.pangeagraph.tools.benchmark.Load.Stats;

/**
 * The peer an investigator's team would otherwise pick: the Neo4j GraphQL Library (npm
 * {@code @neo4j/graphql} 7.x) served by graphql-yoga on Node, installed by the benchmark into its work
 * directory, with type definitions for the same model, on the same database. It expresses the lookup
 * and the nested query as they are; sharedInfrastructure only as a simpler {@code @cypher} field (the
 * one-link routes, each shared item weighed by 1/k, no two-link routes, no evidence, no visibility).
 */
final class GraphQlLibrary {

    static final String VERSIONS = "@neo4j/graphql@7.6.3 graphql@16 graphql-yoga@5.24.1 neo4j-driver@5";

    private static final String TYPE_DEFS = """
            type Website @node {
              domain: String!
              name: String
              status: String
              firstSeen: Date
              lastSeen: Date
              ipAddresses: [IpAddress!]! @relationship(type: "HOSTED_AT", direction: OUT)
              paymentAccounts: [PaymentAccount!]! @relationship(type: "ACCEPTS_PAYMENT_TO", direction: OUT)
              shipments: [Shipment!]! @relationship(type: "ORDERED_FROM", direction: IN)
              siblings: [Website!]! @cypher(statement: \"\"\"
                MATCH (this)-[r1:HOSTED_AT|REGISTERED_WITH|REGISTERED_BY|LISTS_CONTACT|ACCEPTS_PAYMENT_TO]->(i)
                WITH i, type(r1) AS t, COUNT { (i)<-[r2]-(:Website) WHERE type(r2) = type(r1) } AS k
                MATCH (i)<-[r2]-(o:Website) WHERE type(r2) = t AND o <> this
                WITH o, sum(1.0 / k) AS score ORDER BY score DESC, o.domain LIMIT 10
                RETURN o
              \"\"\", columnName: "o")
            }
            type IpAddress @node { address: String! }
            type PaymentAccount @node { identifier: String! kind: String }
            type Shipment @node { trackingNumber: String! inspectedOn: Date seized: Boolean }
            """;

    private static final String SERVER = """
            import { createServer } from 'node:http';
            import { readFileSync } from 'node:fs';
            import { createYoga } from 'graphql-yoga';
            import { Neo4jGraphQL } from '@neo4j/graphql';
            import neo4j from 'neo4j-driver';
            const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic('neo4j', 'unused'));
            const neoSchema = new Neo4jGraphQL({ typeDefs: readFileSync('typedefs.graphql', 'utf8'), driver });
            const yoga = createYoga({ schema: await neoSchema.getSchema(), graphiql: false, logging: false });
            createServer(yoga).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
            """;

    static final String LOOKUP = """
            query lookup($domain: String!) { websites(where: {domain: {eq: $domain}}) { domain name status firstSeen lastSeen } }""";

    static final String NESTED = """
            query nested($domain: String!) {
              websites(where: {domain: {eq: $domain}}) {
                domain
                ipAddresses { address }
                paymentAccounts { identifier kind }
                shipments(limit: 20) { trackingNumber inspectedOn seized }
              }
            }""";

    static final String SIBLINGS = """
            query siblings($domain: String!) { websites(where: {domain: {eq: $domain}}) { domain siblings { domain } } }""";

    private GraphQlLibrary() {
    }

    static Map<String, Object> measure(Settings settings, int boltPort, Inputs inputs) throws Exception {
        Path dir = settings.work().resolve("neo4j-graphql");
        Files.createDirectories(dir);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("packages", VERSIONS);
        if (!Files.isDirectory(dir.resolve("node_modules/@neo4j/graphql"))) {
            Files.writeString(dir.resolve("package.json"), "{\"name\": \"pangea-bench-neo4j-graphql\", \"private\": true, \"type\": \"module\"}\n");
            List<String> install = new java.util.ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
            install.addAll(List.of(VERSIONS.split(" ")));
            try (ChildProcess npm = ChildProcess.start(install, dir, Map.of())) {
                if (npm.await(15) != 0) {
                    result.put("failure", "npm install failed:\n" + npm.tail(20));
                    return result;
                }
            }
        }
        Files.writeString(dir.resolve("typedefs.graphql"), TYPE_DEFS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("server.mjs"), SERVER, StandardCharsets.UTF_8);
        int port = Benchmark.freePort();
        try (ChildProcess node = ChildProcess.start(List.of("node", "server.mjs"), dir,
                Map.of("NEO4J_URI", "bolt://127.0.0.1:" + boltPort, "PORT", Integer.toString(port)))) {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (node.lines().stream().noneMatch(l -> l.text().contains("ready"))) {
                if (!node.alive() || System.nanoTime() > deadline) {
                    result.put("failure", "the server did not start:\n" + node.tail(20));
                    return result;
                }
                Thread.sleep(100);
            }
            GraphQlHttp api = new GraphQlHttp(URI.create("http://127.0.0.1:" + port + "/graphql"));
            for (Map.Entry<String, String> query : Map.of("LOOKUP", LOOKUP, "NESTED", NESTED, "SHARED_INFRASTRUCTURE", SIBLINGS)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                try {
                    api.data(query.getValue(), Map.of("domain", inputs.domains().get(0)));
                }
                catch (RequestFailed ex) {
                    result.put(query.getKey(), Map.of("failure", ex.getMessage() + "\n" + node.tail(10)));
                    continue;
                }
                List<Stats> stats = new java.util.ArrayList<>();
                for (int concurrency : new int[] { 1, 8 }) {
                    stats.add(Load.run(concurrency, inputs.domains().size(), settings.warmUpSeconds(), settings.measureSeconds(),
                            i -> api.data(query.getValue(), Map.of("domain", inputs.domains().get(i)))));
                }
                result.put(query.getKey(), stats);
            }
        }
        return result;
    }

}
