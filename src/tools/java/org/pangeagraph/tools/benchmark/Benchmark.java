package org.pangeagraph.tools.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.pangeagraph.PangeaGraphApplication;
import org.pangeagraph.tools.benchmark.Load.RequestFailed;
import org.pangeagraph.tools.benchmark.Load.Stats;
import org.pangeagraph.db.BackgroundThreads;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.tools.generator.Accuracy;
import org.pangeagraph.tools.generator.GeneratorSettings;
import org.pangeagraph.tools.generator.PharmacyCrimeGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark: for each size, generates a graph, loads it through the import command and through
 * Neo4j's offline importer, starts the application on it as an operator would (its own JVM), and
 * measures each request over HTTP against the same Cypher sent straight over Bolt, then the Neo4j
 * GraphQL Library on the same database, a soak of mixed reads and writes, and the accuracy of network
 * detection. Results go to {@code results.json} and {@code report.md} with a plot, {@code latency.svg}.
 *
 * <p>Run by {@code mvn -Pbenchmark verify} (see docs/benchmarks.md for the properties).
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Marks the names the benchmark writes, so that each run's writes change the graph even on a kept store. */
    private static final String RUN = java.time.Instant.now().toString();

    private final Settings settings;

    /** Prepared on first use. */
    private Launch fastStart;

    Benchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * What to run.
     *
     * @param sizes TINY, S, M
     * @param work where generated data, stores, node modules and results go
     * @param jar the application jar, run as an operator runs it
     * @param jitWarmUpSeconds before any measurement, for each request and each side (GraphQL, Cypher) at
     * concurrency 8: the application's and the benchmark's JIT compilers reach their steady state
     * @param warmUpSeconds per measurement, dropped
     * @param measureSeconds per measurement
     * @param inputs how many different inputs (websites, pairs) each request cycles through
     * @param coldRuns how many cold criminalNetworks calls
     * @param soakSeconds how long the soak runs
     * @param library whether to install and measure the Neo4j GraphQL Library
     * @param offlineImport whether to run Neo4j's offline importer
     * @param heap the application's heap (-Xmx)
     * @param fastStart whether to run the application as README tells operators to on a large store
     * (bin/fast-start: the jar extracted, with a class data sharing archive), after one start-up timed
     * the plain way ({@code java -jar})
     * @param phases which of load, queries, library, accuracy, soak to run; without load, the data and
     * store of an earlier run are used again
     * @param inProcess whether the import command and the application run in this JVM ({@link ThreadProcess})
     * rather than as an operator runs them, each in a JVM of its own from the jar: the smoke test's way,
     * which proves the harness without the start of a JVM for each; the application that recorded the
     * statements then serves the measurements and the soak too. {@code jar} (may be null), {@code heap} and
     * {@code fastStart} are unused then, and nothing it times is worth reading
     */
    record Settings(List<String> sizes, long seed, Path work, Path jar, double jitWarmUpSeconds, double warmUpSeconds, double measureSeconds, int inputs,
            int coldRuns, double soakSeconds, boolean library, boolean offlineImport, String heap, boolean fastStart,
            List<String> phases, boolean inProcess) {

        static final String ALL_PHASES = "load,queries,library,accuracy,soak";

        boolean runs(String phase) {
            return this.phases.contains(phase);
        }


        static Settings fromSystemProperties() {
            Path target = Path.of(System.getProperty("bench.target", "target"));
            return new Settings(List.of(System.getProperty("bench.sizes", "S").toUpperCase(Locale.ROOT).split(",")),
                    Long.getLong("bench.seed", 7), target.resolve("benchmark"), jar(target),
                    Double.parseDouble(System.getProperty("bench.jitWarmup", "8")),
                    Double.parseDouble(System.getProperty("bench.warmup", "5")),
                    Double.parseDouble(System.getProperty("bench.measure", "15")), Integer.getInteger("bench.inputs", 200),
                    Integer.getInteger("bench.coldRuns", 3), Double.parseDouble(System.getProperty("bench.soak", "120")),
                    Boolean.parseBoolean(System.getProperty("bench.library", "true")),
                    Boolean.parseBoolean(System.getProperty("bench.offlineImport", "true")), System.getProperty("bench.heap", "1g"),
                    Boolean.parseBoolean(System.getProperty("bench.fastStart", "true")),
                    List.of(System.getProperty("bench.phases", ALL_PHASES).split(",")), false);
        }

        static Path jar(Path target) {
            try (Stream<Path> files = Files.list(target)) {
                return files.filter(p -> p.getFileName().toString().matches("pangea-graph-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no application jar in " + target + ": run mvn package first"));
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path results = new Benchmark(settings).run();
        System.out.println("Benchmark results: " + results.toAbsolutePath());
    }

    /** Runs every size; returns the results file. */
    Path run() throws Exception {
        Files.createDirectories(this.settings.work());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", Machine.describe());
        all.put("settings", this.settings.toString());
        List<Map<String, Object>> sizes = new ArrayList<>();
        all.put("sizes", sizes);
        Path results = this.settings.work().resolve("results.json");
        for (String size : this.settings.sizes()) {
            Map<String, Object> result = new LinkedHashMap<>();
            sizes.add(result);
            try {
                runSize(GeneratorSettings.Size.valueOf(size.trim()), result);
            }
            catch (Exception ex) {
                result.put("failure", ex.toString());
                log("size " + size + " failed: " + ex);
                ex.printStackTrace();
            }
            Files.writeString(results, JSON.writeValueAsString(all), StandardCharsets.UTF_8);
            Report.write(all, this.settings.work());
        }
        return results;
    }

    private void runSize(GeneratorSettings.Size size, Map<String, Object> result) throws Exception {
        Path root = this.settings.work().resolve(size.name());
        Path data = root.resolve("data");
        Path store = root.resolve("store");
        result.put("size", size.name());
        result.put("loadAverageAtStart", Machine.loadAverage());

        if (this.settings.runs("load")) {
            log(size + ": generating");
            long t0 = System.nanoTime();
            deleteRecursively(root);
            PharmacyCrimeGenerator.Summary summary = PharmacyCrimeGenerator.generate(size.settings(this.settings.seed()), data);
            result.put("generateSeconds", (System.nanoTime() - t0) / 1e9);
            result.put("websites", summary.websites());
            result.put("networks", summary.networks());
            result.put("nodes", summary.nodes());
            result.put("relationships", summary.relationships());

            log(size + ": loading through the import command");
            result.put("import", importCommand(data, store, summary.totalRows()));
            if (this.settings.offlineImport()) {
                log(size + ": loading with Neo4j's offline importer");
                result.put("offlineImport", offlineImport(data, root.resolve("offline"), summary.totalRows()));
                log(size + ": loading through import --new-store");
                result.put("newStoreImport", newStoreImport(data, root.resolve("new-store"), summary.totalRows()));
            }
        }

        Inputs inputs = Inputs.choose(data, this.settings.inputs(), this.settings.seed());
        log(size + ": recording the statements of each request, and accuracy");
        long recordingStarted = System.nanoTime();
        ConfigurableApplicationContext recording = recordingApplication(store);
        double recordingStartup = (System.nanoTime() - recordingStarted) / 1e9;
        Map<Query, List<Recorded>> recorded;
        try {
            recorded = record(recording, inputs, data, result);
        }
        catch (Exception | Error ex) {
            recording.close();
            throw ex;
        }

        Application measured;
        if (this.settings.inProcess()) {
            // In this JVM the recording application serves the measurements too: one start fewer, and the
            // statements it planned and ran while recording are warm.
            result.put("applicationSettings", Map.of("pageCache", RECORDING_PAGE_CACHE));
            result.put("launch", "in the benchmark's JVM: the recording application");
            measured = Application.running(recording, recordingStartup);
        }
        else {
            recording.close();
            log(size + ": starting the application");
            String pageCache = size == GeneratorSettings.Size.M ? "2g" : "512m";
            result.put("applicationSettings", Map.of("heap", this.settings.heap(), "pageCache", pageCache, "gc", "G1"));
            Launch launch = Launch.plain(this.settings.jar());
            if (this.settings.fastStart()) {
                try (Application plain = Application.start(launch, store, this.settings.heap(), pageCache)) {
                    result.put("startupPlainSeconds", plain.startupSeconds());
                }
                launch = fastStart();
            }
            result.put("launch", launch.description());
            measured = Application.start(launch, store, this.settings.heap(), pageCache);
        }
        try (Application app = measured) {
            result.put("startupSeconds", app.startupSeconds());
            result.put("classDataSharing", app.sharesClassData());
            if (this.settings.runs("queries")) {
                result.put("queries", measureQueries(app, recorded, inputs));
            }
            if (this.settings.library() && this.settings.runs("library")) {
                log(size + ": the Neo4j GraphQL Library");
                result.put("library", GraphQlLibrary.measure(this.settings, app.boltPort(), inputs));
            }
            if (this.settings.runs("soak")) {
                log(size + ": soak");
                // A soak without the request measurements before it starts on a warm application all the same.
                result.put("soak", Soak.run(app, inputs, this.settings.soakSeconds(),
                        this.settings.runs("queries") ? 0 : this.settings.jitWarmUpSeconds()));
            }
            result.put("heapAfterGcMb", app.heapAfterGcMb());
        }
        result.put("loadAverageAtEnd", Machine.loadAverage());
    }

    /**
     * The benchmark is one user sending thousands of requests a minute, eight at a time: the per-user
     * rate and concurrency limits, which would answer 429, are lifted; every other limit and the audit
     * trail stay as deployed.
     */
    private static final String UNLIMITED_RATE = "--pangea.limits.requests-per-minute=1000000000";

    private static final String UNLIMITED_CONCURRENCY = "--pangea.limits.concurrent-requests-per-user=1000";

    // ---- loading

    /** The import command signs in an administrator: the local profile's demo one (docs/security.md). */
    private static final Map<String, String> ADMINISTRATOR = Map.of("PANGEA_USER", "admin", "PANGEA_PASSWORD", "admin-demo");

    /**
     * The import command with these arguments, signed in as the administrator, as an operator runs it (from
     * the jar, in a JVM of its own), or in this JVM ({@link Settings#inProcess}); its command line goes into
     * {@code result}.
     */
    private ChildProcess importer(List<String> arguments, Map<String, Object> result) throws IOException {
        if (this.settings.inProcess()) {
            result.put("command", ImportCommand.NAME + " " + String.join(" ", arguments) + " (in this JVM)");
            return ChildProcess.inThisJvm(ImportCommand.NAME, out -> ImportCommand.run(arguments, ADMINISTRATOR, null, out, out));
        }
        List<String> command = new ArrayList<>(ChildProcess.java(List.of("-Xmx" + this.settings.heap(), "-XX:+UseG1GC"),
                List.of("-jar", this.settings.jar().toAbsolutePath().toString(), ImportCommand.NAME)));
        command.addAll(arguments);
        result.put("command", String.join(" ", command.subList(1, command.size())));
        return ChildProcess.start(command, null, ADMINISTRATOR);
    }

    private Map<String, Object> importCommand(Path data, Path store, long rows) throws Exception {
        List<String> arguments = List.of("--pangea.embedded.store-directory=" + store.toAbsolutePath(),
                "--pangea.embedded.import-directory=" + data.toAbsolutePath(), "--pangea.embedded.page-cache=1g",
                data.resolve("load.cypher").toAbsolutePath().toString());
        Map<String, Object> result = new LinkedHashMap<>();
        try (ChildProcess process = importer(arguments, result)) {
            int exit = process.await(240);
            double total = process.elapsedSeconds();
            if (exit != 0) {
                throw new IllegalStateException("import failed with " + exit + ":\n" + process.tail(20));
            }
            Double scriptsStart = null;
            Double scriptsEnd = null;
            for (ChildProcess.Line line : process.lines()) {
                if (line.text().contains("statements a transaction")) {
                    scriptsStart = process.secondsSinceStart(line.nanos());
                }
                if (line.text().contains(": committed ")) {
                    scriptsEnd = process.secondsSinceStart(line.nanos());
                }
            }
            result.put("rows", rows);
            result.put("totalSeconds", total);
            result.put("rowsPerSecondOverall", rows / total);
            if (scriptsStart != null && scriptsEnd != null) {
                result.put("loadCsvSeconds", scriptsEnd - scriptsStart);
                result.put("rowsPerSecondLoadCsv", rows / (scriptsEnd - scriptsStart));
                result.put("postImportPassSeconds", total - scriptsEnd);
            }
            result.put("report", process.tail(6));
        }
        return result;
    }

    /**
     * The product's first-load path, {@code import --new-store}, on the same files into a store of its own,
     * as an operator runs it: the offline importer in the command's process, then migrations, the
     * post-import pass and the indexes filled. Its report gives each step's time and CPU time.
     */
    private Map<String, Object> newStoreImport(Path data, Path store, long rows) throws Exception {
        List<String> arguments = List.of("--new-store", "--pangea.embedded.store-directory=" + store.toAbsolutePath(),
                "--pangea.audit.directory=" + store.toAbsolutePath().resolveSibling("new-store-audit"), data.toAbsolutePath().toString());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loadAverageBefore", Machine.loadAverage());
        try (ChildProcess process = importer(arguments, result)) {
            int exit = process.await(600);
            double seconds = process.elapsedSeconds();
            result.put("exit", exit);
            result.put("rows", rows);
            result.put("totalSeconds", seconds);
            result.put("rowsPerSecondOverall", rows / seconds);
            List<String> steps = new ArrayList<>();
            for (ChildProcess.Line line : process.lines()) {
                if (line.text().matches("^(Completed|Offline import|Store opened|Post-import pass done|Indexes online|Loaded) .*")) {
                    steps.add(line.text());
                }
            }
            result.put("steps", steps);
            if (exit != 0) {
                result.put("failure", process.tail(20));
            }
        }
        result.put("loadAverageAfter", Machine.loadAverage());
        return result;
    }

    private Map<String, Object> offlineImport(Path data, Path home, long rows) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neo4j.conf"), "", StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), "org.neo4j.cli.AdminTool",
                "database", "import", "full", "--overwrite-destination=true", "--threads=2", "--max-off-heap-memory=2g",
                "--report-file=" + home.resolve("import.report").toAbsolutePath()));
        // The database is the default one, neo4j: named after --relationships, it would be read as one more file.
        arguments.addAll(Files.readAllLines(data.resolve("admin/import.args")));
        List<String> command = ChildProcess.java(List.of("-Xmx1g"), arguments);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", "neo4j-admin database import full (org.neo4j.cli.AdminTool, in a JVM of its own) --threads=2 "
                + "--max-off-heap-memory=2g --nodes=... --relationships=... (admin/import.args)");
        try (ChildProcess process = ChildProcess.start(command, data, Map.of("NEO4J_HOME", home.toAbsolutePath().toString(),
                "NEO4J_CONF", home.resolve("conf").toAbsolutePath().toString()))) {
            int exit = process.await(120);
            double seconds = process.elapsedSeconds();
            result.put("exit", exit);
            result.put("seconds", seconds);
            result.put("rows", rows);
            result.put("rowsPerSecond", rows / seconds);
            result.put("output", process.tail(8));
            if (exit != 0) {
                result.put("failure", process.tail(20));
            }
        }
        return result;
    }

    // ---- recording what each request sends to the database

    /** A request's variables and the statements the API ran for it, in order. */
    record Recorded(Map<String, Object> variables, List<Statement> statements) {
    }

    record Statement(String cypher, Map<String, Object> parameters) {
    }

    private static final String RECORDING_PAGE_CACHE = "256m";

    /**
     * The application in this JVM on the store, for recording the statements of each request and for
     * accuracy, with a generous query timeout: accuracy is about the answers, and a page of criminal
     * networks has taken longer than the API's 5 s on this machine.
     */
    private static ConfigurableApplicationContext recordingApplication(Path store) {
        return new SpringApplicationBuilder(PangeaGraphApplication.class)
            .run("--server.port=0", "--pangea.embedded.bolt-port=0", "--pangea.embedded.page-cache=" + RECORDING_PAGE_CACHE,
                    "--pangea.embedded.store-directory=" + store.toAbsolutePath(), "--pangea.database.seed=false",
                    "--pangea.database.query-timeout=120s", "--pangea.limits.request-timeout=150s", UNLIMITED_RATE,
                    // Only the statements of the request recorded: no background warm-up running beside it.
                    "--pangea.warmup.enabled=false",
                    "--pangea.audit.directory=" + store.toAbsolutePath().resolveSibling("audit-recording"),
                    UNLIMITED_CONCURRENCY, "--logging.level.root=warn");
    }

    /**
     * Sends each request once to the recording application and records, through GraphDb's observer, the
     * statements it ran: the same statements are replayed over Bolt. Then measures accuracy there.
     */
    private Map<Query, List<Recorded>> record(ConfigurableApplicationContext context, Inputs inputs, Path data, Map<String, Object> result)
            throws Exception {
        Map<Query, List<Recorded>> recorded = new LinkedHashMap<>();
        GraphDb db = context.getBean(GraphDb.class);
        List<Statement> statements = java.util.Collections.synchronizedList(new ArrayList<>());
        GraphDb.TransactionObserver observer = new GraphDb.TransactionObserver() {
            @Override
            public void opened(AccessMode mode) {
            }

            @Override
            public void ran(String cypher, Map<String, Object> parameters) {
                // Not the application's own work meanwhile (the change feed, the alerts after the rename of a
                // cold criminalNetworks): that is no statement of the request, and a write would be refused
                // when replayed in a read transaction.
                if (!BackgroundThreads.current()) {
                    statements.add(new Statement(cypher, parameters));
                }
            }
        };
        GraphQlHttp api = new GraphQlHttp(URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/graphql"));
        // The projection behind criminalNetworks and sharedInfrastructure's rarity counts is built once
        // per graph version, by the first request; as in the measured runs after their warm-up, it is there.
        api.data(Query.CRIMINAL_NETWORKS_CACHED.document, inputs.variables(Query.CRIMINAL_NETWORKS_CACHED).get(0));
        db.addObserver(observer);
        for (Query query : this.settings.runs("queries") ? Query.selected() : List.<Query>of()) {
            List<Recorded> list = new ArrayList<>();
            for (Map<String, Object> variables : inputs.variables(query)) {
                if (query == Query.CRIMINAL_NETWORKS_COLD) {
                    api.data(Query.RENAME_WEBSITE, Map.of("domain", inputs.domains().get(0), "name", "Renamed " + list.size() + " " + RUN));
                }
                else if (query == Query.CRIMINAL_NETWORKS_CACHED || query == Query.KEY_INFRASTRUCTURE) {
                    api.data(query.document, variables);
                }
                statements.clear();
                api.data(query.document, variables);
                list.add(new Recorded(variables, List.copyOf(statements)));
            }
            recorded.put(query, list);
        }
        db.removeObserver(observer);
        // The floor sends nothing, nor does a cached criminalNetworks on the embedded database (the graph
        // version is known unchanged without a statement, and the answer is in memory). Every other
        // request sends some.
        result.put("statementsRecorded", recorded.entrySet().stream()
            .filter(e -> e.getKey() != Query.FLOOR && e.getKey() != Query.CRIMINAL_NETWORKS_CACHED)
            .allMatch(e -> e.getValue().stream().noneMatch(r -> r.statements().isEmpty())));
        if (this.settings.runs("accuracy")) {
            result.put("accuracy", accuracy(api, data, false));
            result.put("accuracyAllKinds", accuracy(api, data, true));
        }
        return recorded;
    }

    // ---- measuring

    private Map<String, Object> measureQueries(Application app, Map<Query, List<Recorded>> recorded, Inputs inputs) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + app.boltPort(), AuthTokens.none())) {
            warmUp(app, driver, recorded);
            for (Query query : Query.selected()) {
                List<Recorded> requests = recorded.get(query);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("title", query.title);
                result.put("statements", requests.get(0).statements().size());
                result.put("recordedCypher", requests.get(0).statements().stream().map(Statement::cypher).toList());
                log("  " + query.title);
                if (query == Query.CRIMINAL_NETWORKS_COLD) {
                    result.put("graphql", List.of(Load.repeat(this.settings.coldRuns(), i -> {
                        // A write through the API raises the graph version: the next call reads the projection again.
                        // The name is new to this run: a store kept from an earlier run has the earlier run's names,
                        // and writing a website's name again unchanged raises nothing (run 7 of 30 November).
                        app.api().data(Query.RENAME_WEBSITE, Map.of("domain", inputs.domains().get(i), "name", "Cold " + i + " " + RUN));
                        app.api().data(query.document, Map.of());
                    })));
                    result.put("cypher", List.of(Load.repeat(this.settings.coldRuns(), i -> replay(driver, requests.get(0)))));
                }
                else {
                    List<Stats> graphql = new ArrayList<>();
                    List<Stats> cypher = new ArrayList<>();
                    for (int concurrency : new int[] { 1, 8 }) {
                        graphql.add(Load.run(concurrency, requests.size(), this.settings.warmUpSeconds(), this.settings.measureSeconds(),
                                i -> app.api().data(query.document, requests.get(i).variables())));
                        cypher.add(Load.run(concurrency, requests.size(), this.settings.warmUpSeconds(), this.settings.measureSeconds(),
                                i -> replay(driver, requests.get(i))));
                    }
                    result.put("graphql", graphql);
                    result.put("cypher", cypher);
                }
                results.put(query.name(), result);
            }
        }
        return results;
    }

    /**
     * Every request (but the cold criminalNetworks, which is slow by design) both ways at concurrency 8,
     * untimed: a JVM answers its first thousands of requests through an interpreter and a first
     * compiler, and the first measurements would otherwise time that instead of the request.
     */
    private void warmUp(Application app, Driver driver, Map<Query, List<Recorded>> recorded) throws InterruptedException {
        if (this.settings.jitWarmUpSeconds() <= 0) {
            return;
        }
        log("  warming up: " + this.settings.jitWarmUpSeconds() + " s for each request and side");
        for (Query query : Query.selected()) {
            if (query == Query.CRIMINAL_NETWORKS_COLD) {
                continue;
            }
            List<Recorded> requests = recorded.get(query);
            Load.warm(8, requests.size(), this.settings.jitWarmUpSeconds(), i -> app.api().data(query.document, requests.get(i).variables()));
            Load.warm(8, requests.size(), this.settings.jitWarmUpSeconds(), i -> replay(driver, requests.get(i)));
        }
    }

    /**
     * The statements of one request, in one read transaction: what the API cannot do faster than. A
     * request that sent none (the floor, a cached criminalNetworks) is replayed as an empty read transaction, the
     * least a client of the database can ask.
     */
    static void replay(Driver driver, Recorded request) throws RequestFailed {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            session.executeRead(tx -> {
                for (Statement statement : request.statements()) {
                    tx.run(statement.cypher(), statement.parameters()).list();
                }
                return null;
            });
        }
        catch (Neo4jException ex) {
            throw new RequestFailed(String.valueOf(ex.code()));
        }
    }

    private static Accuracy.Result accuracy(GraphQlHttp http, Path data, boolean allKinds) {
        Accuracy.GraphQl api = (document, variables) -> {
            try {
                return http.data(document, variables);
            }
            catch (RequestFailed ex) {
                throw new IllegalStateException("accuracy request failed: " + ex.getMessage(), ex);
            }
        };
        List<String> kinds = allKinds ? Stream.of(org.pangeagraph.model.InfrastructureKind.values()).map(Enum::name).toList() : null;
        return Accuracy.measure(api, Accuracy.GroundTruth.read(data), allKinds ? 0 : 40, 7, kinds);
    }

    // ---- the application, as an operator runs it

    /** How the application's JVM is started: its options and the jar. */
    record Launch(List<String> jvmOptions, Path jar, String description) {

        static Launch plain(Path jar) {
            return new Launch(List.of(), jar, "java -jar");
        }

    }

    /** The fast start bin/fast-start prepares, made once per benchmark run. */
    private Launch fastStart() throws Exception {
        if (this.fastStart == null) {
            Path directory = this.settings.work().resolve("app").toAbsolutePath();
            log("  preparing the fast start (bin/fast-start)");
            ChildProcess script = ChildProcess.start(List.of("bash", Path.of("bin", "fast-start").toAbsolutePath().toString(),
                    this.settings.jar().toAbsolutePath().toString(), directory.toString()), null,
                    Map.of("JAVA_HOME", System.getProperty("java.home")));
            if (script.await(10) != 0) {
                throw new IllegalStateException("bin/fast-start failed:\n" + script.tail(30));
            }
            this.fastStart = new Launch(List.of("-XX:SharedArchiveFile=" + directory.resolve("pangea-graph.jsa")),
                    directory.resolve("pangea-graph.jar"), "bin/fast-start: extracted jar with a class data sharing archive");
        }
        return this.fastStart;
    }

    /** The application in a JVM of its own on the loaded store, on free ports (or one running in this JVM, {@link #running}). */
    static final class Application implements AutoCloseable {

        private final ChildProcess process;

        private final int boltPort;

        private final GraphQlHttp api;

        private final double startupSeconds;

        private Application(ChildProcess process, int boltPort, GraphQlHttp api, double startupSeconds) {
            this.process = process;
            this.boltPort = boltPort;
            this.api = api;
            this.startupSeconds = startupSeconds;
        }

        static Application start(Launch launch, Path store, String heap, String pageCache) throws Exception {
            int httpPort = freePort();
            int boltPort = freePort();
            List<String> arguments = List.of("--server.port=" + httpPort,
                    "--pangea.embedded.bolt-port=" + boltPort, "--pangea.embedded.store-directory=" + store.toAbsolutePath(),
                    "--pangea.embedded.page-cache=" + pageCache, "--pangea.database.seed=false",
                    "--spring.graphql.graphiql.enabled=false", UNLIMITED_RATE, UNLIMITED_CONCURRENCY,
                    // Its background warm-up of query plans would run beside the first measurements;
                    // the benchmark warms up itself (Settings.jitWarmUpSeconds) before measuring.
                    "--pangea.warmup.enabled=false",
                    "--pangea.audit.directory=" + store.toAbsolutePath().resolveSibling("audit"));
            List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Xms" + heap, "-XX:+UseG1GC"));
            options.addAll(launch.jvmOptions());
            List<String> command = new ArrayList<>(ChildProcess.java(options, List.of("-jar", launch.jar().toAbsolutePath().toString())));
            command.addAll(arguments);
            ChildProcess process = ChildProcess.start(command, null, Map.of());
            GraphQlHttp api = new GraphQlHttp(URI.create("http://127.0.0.1:" + httpPort + "/graphql"));
            URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health");
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (!api.answers(health)) {
                if (!process.alive() || System.nanoTime() > deadline) {
                    String output = process.tail(40);
                    process.close();
                    throw new IllegalStateException("the application did not start:\n" + output);
                }
                Thread.sleep(50);
            }
            return new Application(process, boltPort, api, process.elapsedSeconds());
        }

        /**
         * An application already running in this JVM (the recording one, in the smoke test's way), seen as a
         * process that serves until the benchmark closes it, as it closes one of its own JVM.
         */
        static Application running(ConfigurableApplicationContext context, double startupSeconds) {
            ChildProcess process = ChildProcess.inThisJvm("application", out -> {
                try (context) {
                    new java.util.concurrent.CountDownLatch(1).await();
                }
                catch (InterruptedException ex) {
                    // closed as an operator stops it: the context closes gracefully
                }
                return 0;
            });
            int httpPort = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            return new Application(process, context.getBean(EmbeddedNeo4j.class).boltUri().getPort(),
                    new GraphQlHttp(URI.create("http://127.0.0.1:" + httpPort + "/graphql")), startupSeconds);
        }

        GraphQlHttp api() {
            return this.api;
        }

        int boltPort() {
            return this.boltPort;
        }

        double startupSeconds() {
            return this.startupSeconds;
        }

        /** False when the JVM was given a class data sharing archive it could not use (it says so, and starts without). */
        boolean sharesClassData() {
            return this.process.lines().stream().noneMatch(line -> line.text().contains("Unable to use shared archive"));
        }

        /**
         * The heap in use right after a full collection, in MB, read with jcmd; of this JVM, the benchmark's
         * own heap included, for the application in this JVM.
         */
        double heapAfterGcMb() throws Exception {
            if (this.process.pid() == ProcessHandle.current().pid()) {
                System.gc();
                return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
            }
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            run(List.of(jcmd.toString(), Long.toString(this.process.pid()), "GC.run"));
            String info = run(List.of(jcmd.toString(), Long.toString(this.process.pid()), "GC.heap_info"));
            Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
            return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
        }

        private static String run(List<String> command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        }

        @Override
        public void close() throws InterruptedException {
            this.process.close();
        }

    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- inputs

    /**
     * The inputs requests cycle through: random websites (not one hot key), their ids, and pairs of
     * websites of one planted network, which are connected.
     */
    record Inputs(List<String> domains, List<String> ids, List<String[]> pairs) {

        static Inputs choose(Path data, int count, long seed) throws Exception {
            Accuracy.GroundTruth truth = Accuracy.GroundTruth.read(data);
            List<String> all = new ArrayList<>(truth.networkOf().keySet());
            java.util.Collections.shuffle(all, new Random(seed));
            List<String> domains = all.subList(0, Math.min(count, all.size()));
            List<String[]> pairs = new ArrayList<>();
            List<List<String>> networks = truth.members().values().stream().filter(m -> m.size() >= 3).toList();
            Random random = new Random(seed);
            for (int i = 0; i < count && !networks.isEmpty(); i++) {
                List<String> members = networks.get(random.nextInt(networks.size()));
                String from = members.get(random.nextInt(members.size()));
                String to = members.get(random.nextInt(members.size()));
                if (!from.equals(to)) {
                    pairs.add(new String[] { from, to });
                }
            }
            Map<String, String> ids = ids(data);
            return new Inputs(List.copyOf(domains), domains.stream().map(ids::get).toList(),
                    pairs.stream().map(p -> new String[] { ids.get(p[0]), ids.get(p[1]) }).toList());
        }

        /** Website ids by domain, from the generated file (the generator sets every id). */
        private static Map<String, String> ids(Path data) throws IOException {
            Map<String, String> ids = new HashMap<>();
            for (String line : Files.readAllLines(data.resolve("nodes/Website.csv"))) {
                String[] cells = line.split(",", 3);
                ids.put(cells[0], cells[1]);
            }
            return ids;
        }

        List<Map<String, Object>> variables(Query query) {
            return switch (query) {
                case LOOKUP, NESTED, NESTED_DEEP, SHARED_INFRASTRUCTURE -> this.domains.stream().map(d -> Map.<String, Object>of("domain", d)).toList();
                case NETWORK -> this.ids.stream().map(id -> Map.<String, Object>of("id", id)).toList();
                case PATHS -> this.pairs.stream().map(p -> Map.<String, Object>of("from", p[0], "to", p[1])).toList();
                case FLOOR, LIST, CRIMINAL_NETWORKS_CACHED, CRIMINAL_NETWORKS_COLD, KEY_INFRASTRUCTURE -> List.of(Map.of());
            };
        }

    }

    static void log(String message) {
        System.out.println(String.format(Locale.ROOT, "[bench %tT] ", new java.util.Date()) + message);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
