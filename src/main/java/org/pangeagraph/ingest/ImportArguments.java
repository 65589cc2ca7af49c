package org.pangeagraph.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.pangeagraph.db.CypherScript;

/**
 * What the import command was asked to do. Everything a caller can get wrong before the database is
 * touched is checked here, so that a typing error never leaves a half-run import: the options, and
 * every script read and split.
 *
 * @param scripts the scripts in the order they run
 * @param batchSize statements per transaction
 * @param properties the {@code --name.of.property=value} arguments, which choose the database
 * @param help whether only the usage was asked for
 * @param user the administrator running the import, or null to read it from {@code PANGEA_USER}
 * @param newStore with {@code --new-store}, the CSV files to load into a new store instead of scripts; else null
 */
record ImportArguments(List<CypherScript> scripts, int batchSize, List<String> properties, boolean help, String user,
        CsvDataSet newStore) {

    static final int DEFAULT_BATCH_SIZE = 1000;

    static final String USAGE = """
            Usage: import [--user NAME] [--batch-size N] [--property=value ...] FILE_OR_DIRECTORY...
                   import --new-store [--user NAME] [--property=value ...] DIRECTORY
              Runs Cypher scripts (cypher-shell syntax; of its commands only :param) against the configured
              database. A directory stands for its *.cypher files in name order.
              --new-store          instead, loads the CSV files of DIRECTORY (listed in DIRECTORY/admin/import.args,
                                   as bin/generate writes them) into a new embedded store with Neo4j's offline
                                   importer: the first load of a large data set. The store must hold no database.
              --user NAME          the administrator running the import (default: $PANGEA_USER); the
                                   password is read from $PANGEA_PASSWORD, or asked for on the terminal
              --batch-size N       statements per transaction (default 1000)
              --spring.neo4j.uri=bolt://host:7687, --pangea.embedded.store-directory=DIR, ...
                                   any application property, to choose the database
            Exit status: 0 imported, 1 a statement (or the new store's load) failed, 2 usage error (nothing run),
            3 database unreachable (or the store in use), 4 not signed in as an administrator (nothing run),
            5 the store for --new-store holds a database already (nothing run).""";

    ImportArguments {
        scripts = List.copyOf(scripts);
        properties = List.copyOf(properties);
    }

    /** The command's arguments could not be used; nothing was run. */
    static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message);
        }

    }

    /**
     * Reads the arguments that follow {@code import}.
     *
     * @throws UsageException naming the argument, file or file:line that is wrong
     */
    static ImportArguments parse(List<String> args) {
        List<Path> paths = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        int batchSize = DEFAULT_BATCH_SIZE;
        String user = null;
        boolean newStore = false;
        boolean batchSizeGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return new ImportArguments(List.of(), batchSize, properties, true, null, null);
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("--new-store")) {
                newStore = true;
            }
            else if (option.equals("--batch-size") || option.equals("--user")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (++i < args.size() ? args.get(i) : "");
                if (option.equals("--batch-size")) {
                    batchSize = batchSize(value);
                    batchSizeGiven = true;
                }
                else if (value.isBlank()) {
                    throw new UsageException("--user needs a user name");
                }
                else {
                    user = value;
                }
            }
            else if (arg.startsWith("--") && arg.indexOf('=') > arg.indexOf('.') && arg.indexOf('.') > 0) {
                properties.add(arg);
            }
            else if (arg.startsWith("-")) {
                throw new UsageException("unknown option " + arg);
            }
            else {
                paths.add(Path.of(arg));
            }
        }
        if (newStore) {
            return newStore(paths, batchSizeGiven, properties, user);
        }
        if (paths.isEmpty()) {
            throw new UsageException("no scripts given");
        }
        List<CypherScript> scripts = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                scripts.add(parse(file));
            }
        }
        return new ImportArguments(scripts, batchSize, properties, false, user, null);
    }

    private static ImportArguments newStore(List<Path> paths, boolean batchSizeGiven, List<String> properties, String user) {
        if (batchSizeGiven) {
            throw new UsageException("--batch-size does not apply to --new-store: the offline importer writes no transactions");
        }
        if (paths.size() != 1) {
            throw new UsageException("--new-store loads one directory of CSV files, not " + paths.size());
        }
        return new ImportArguments(List.of(), DEFAULT_BATCH_SIZE, properties, false, user, CsvDataSet.read(paths.get(0)));
    }

    private static int batchSize(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1) {
                return size;
            }
        }
        catch (NumberFormatException ex) {
            // reported below, with the value
        }
        throw new UsageException("--batch-size needs a whole number of statements, at least 1, not '" + value + "'");
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(path + ": no such file or directory");
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<Path> scripts = entries.filter(p -> p.getFileName().toString().endsWith(".cypher") && Files.isRegularFile(p))
                .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                .toList();
            if (scripts.isEmpty()) {
                throw new UsageException(path + ": the directory holds no .cypher files");
            }
            return scripts;
        }
        catch (IOException ex) {
            throw new UsageException(path + ": cannot list the directory (" + ex.getMessage() + ")");
        }
    }

    private static CypherScript parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (CharacterCodingException ex) {
            throw new UsageException(file + ": not UTF-8 text");
        }
        catch (IOException ex) {
            throw new UsageException(file + ": cannot be read (" + ex.getClass().getSimpleName() + ")");
        }
        try {
            return CypherScript.parse(file.toString(), text);
        }
        catch (CypherScript.ScriptException ex) {
            throw new UsageException(ex.getMessage());
        }
    }

}
