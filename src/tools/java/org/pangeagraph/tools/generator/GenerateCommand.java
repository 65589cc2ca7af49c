package org.pangeagraph.tools.generator;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pangeagraph.ingest.ExitCode;
import org.pangeagraph.ingest.ImportCommand;

/**
 * {@code bin/generate --size S --seed 7 --out DIR [--load] [--property=value ...]}: writes a generated
 * graph to {@code DIR} and, with {@code --load}, loads it through the product's import command, with
 * {@code DIR} as the import directory, into the database the properties choose. A tool, not part of
 * the product: bin/generate runs it on the classes Maven builds beside the tests.
 */
public final class GenerateCommand {

    static final String USAGE = """
            Usage: bin/generate [--size TINY|S|M | --websites N] [--seed N] [--shipments-per-website X]
                                [--chance-shared-specific P] --out DIR [--load [--property=value ...]]
              Writes a generated graph of illegal online pharmacies (CSV files, load.cypher, the offline
              importer's headers, ground-truth.csv) to DIR. Same seed and size: byte-identical files.
              --size               TINY (about 2,000 nodes), S (about 100,000), M (about 1,000,000); default TINY
              --websites N         an explicit number of websites (shipments per website as for S unless given)
              --seed N             default 1
              --load               then run `import --pangea.embedded.import-directory=DIR DIR/load.cypher`;
                                   --property=value arguments go to the import command, to choose the database;
                                   it signs in an administrator: PANGEA_USER, and PANGEA_PASSWORD or typed""";

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.console(), System.out, System.err));
    }

    /**
     * Runs the command; {@code variables} and {@code terminal} go to the import command with
     * {@code --load}, for the administrator it signs in ({@code PANGEA_USER}, {@code PANGEA_PASSWORD}).
     *
     * @return the exit status, the import command's with {@code --load}
     */
    public static int run(List<String> args, Map<String, String> variables, Console terminal, PrintStream out, PrintStream err) {
        GeneratorSettings.Size size = GeneratorSettings.Size.TINY;
        Integer websites = null;
        Double shipmentsPerWebsite = null;
        double chanceSharedSpecific = 0;
        long seed = 1;
        Path directory = null;
        boolean load = false;
        List<String> properties = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return ExitCode.OK.status();
                    }
                    case "--size" -> size = GeneratorSettings.Size.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
                    case "--websites" -> websites = Integer.parseInt(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--shipments-per-website" -> shipmentsPerWebsite = Double.parseDouble(value(args, ++i));
                    case "--chance-shared-specific" -> chanceSharedSpecific = Double.parseDouble(value(args, ++i));
                    case "--out" -> directory = Path.of(value(args, ++i));
                    case "--load" -> load = true;
                    default -> {
                        if (arg.startsWith("--") && arg.contains("=")) {
                            properties.add(arg);
                        }
                        else {
                            throw new IllegalArgumentException("unknown argument " + arg);
                        }
                    }
                }
            }
            if (directory == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(USAGE);
            return ExitCode.USAGE.status();
        }
        GeneratorSettings base = size.settings(seed);
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(seed, websites != null ? websites : base.websites(),
                    shipmentsPerWebsite != null ? shipmentsPerWebsite
                            : websites != null ? GeneratorSettings.Size.S.settings(seed).shipmentsPerWebsite()
                                    : base.shipmentsPerWebsite(),
                    chanceSharedSpecific);
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            return ExitCode.USAGE.status();
        }
        long started = System.nanoTime();
        PharmacyCrimeGenerator.Summary summary = PharmacyCrimeGenerator.generate(settings, directory);
        out.printf(Locale.ROOT, "Generated %d websites in %d networks: %d nodes and %d relationships in %s (%.1f s)%n",
                summary.websites(), summary.networks(), summary.nodes(), summary.relationships(), directory,
                (System.nanoTime() - started) / 1e9);
        if (!load) {
            return ExitCode.OK.status();
        }
        List<String> importArgs = new ArrayList<>(properties);
        importArgs.add("--pangea.embedded.import-directory=" + directory.toAbsolutePath());
        importArgs.add(directory.resolve("load.cypher").toString());
        return ImportCommand.run(importArgs, variables, terminal, out, err);
    }

    private static String value(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
        }
        return args.get(i);
    }

}
