package org.pangeagraph.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * Writes the files of a first load as the post-import pass would complete what they load, so that
 * Neo4j's offline importer writes complete entities and links at once and the pass finds nothing left
 * to write: every row of a node file gets an {@code id} (a random UUID) unless its header has one,
 * {@code createdAt} and {@code updatedAt} (the load's time) and {@code version} 0; every row of a
 * relationship file an {@code id} and {@code recordedAt}; every node the {@code Entity} label. A
 * column the header has already is left as it is. Written into a new set of files: the given ones are
 * only read.
 *
 * <p>Writing two properties on each of five million links in transactions takes minutes of CPU on two
 * cores; a column more in the files the importer reads costs it seconds (docs/import.md).
 */
final class CsvCompletion {

    private CsvCompletion() {
    }

    /**
     * The completed files.
     *
     * @param groups the data set's groups, with the completed files in place of the given ones
     * @param nodes rows of node files
     * @param relationships rows of relationship files
     * @param incompleteLinks the types of link whose files may leave a link without an id, {@code recordedAt} or
     * {@code linkKey}: those whose header has one of these columns already (a cell of it may be empty) or has no
     * {@code linkKey}; the post-import pass completes them
     */
    record Completed(List<CsvDataSet.Group> groups, long nodes, long relationships, Set<RelationshipType> incompleteLinks) {

        long rows() {
            return this.nodes + this.relationships;
        }

    }

    /** Writes the completed files of {@code data} into {@code staging}, one file at a time on each core. */
    static Completed write(CsvDataSet data, Path staging, Instant now) throws IOException {
        Files.createDirectories(staging);
        String time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS));
        SplittableRandom seeds = new SplittableRandom(new SecureRandom().nextLong());
        List<CsvDataSet.Group> groups = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int g = 0; g < data.groups().size(); g++) {
            CsvDataSet.Group group = data.groups().get(g);
            Suffix suffix = Suffix.of(group, time);
            Path header = staging.resolve(g + ".header.csv");
            Files.writeString(header, String.join(",", group.columns()) + suffix.header() + "\n", StandardCharsets.UTF_8);
            List<Path> files = new ArrayList<>();
            for (int f = 0; f < group.files().size(); f++) {
                Path file = staging.resolve(g + "-" + f + ".csv");
                files.add(file);
                tasks.add(new Task(group.files().get(f), file, suffix, group.nodes(), seeds.split()));
            }
            List<String> names = group.nodes() && !group.names().contains(NodeKind.ENTITY_LABEL)
                    ? concat(group.names(), NodeKind.ENTITY_LABEL) : group.names();
            groups.add(new CsvDataSet.Group(group.nodes(), names, header, files, group.columns()));
        }
        long[] rows = run(tasks);
        Set<RelationshipType> incomplete = EnumSet.noneOf(RelationshipType.class);
        for (CsvDataSet.Group group : data.groups()) {
            if (!group.nodes() && (group.stores("id") || group.stores("recordedAt") || !group.stores("linkKey"))) {
                incomplete.add(RelationshipType.valueOf(group.names().get(0)));
            }
        }
        return new Completed(groups, rows[0], rows[1], incomplete);
    }

    private static List<String> concat(List<String> names, String name) {
        List<String> all = new ArrayList<>(names);
        all.add(name);
        return all;
    }

    /** Completes the files on as many threads as there are cores; returns the rows of node files and of relationship files. */
    private static long[] run(List<Task> tasks) throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (Task task : tasks) {
                done.add(threads.submit(task::run));
            }
            long[] rows = new long[2];
            for (int i = 0; i < tasks.size(); i++) {
                rows[tasks.get(i).nodes() ? 0 : 1] += done.get(i).get();
            }
            return rows;
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while completing the CSV files", ex);
        }
        finally {
            threads.shutdownNow();
        }
    }

    /** The columns added to every row of a group's files: an id of its own when the header has none, then constants. */
    record Suffix(boolean id, String header, byte[] constants) {

        static Suffix of(CsvDataSet.Group group, String time) {
            StringBuilder header = new StringBuilder();
            StringBuilder constants = new StringBuilder();
            boolean id = !group.stores("id");
            if (id) {
                header.append(",id");
            }
            List<Constant> columns = group.nodes()
                    ? List.of(new Constant("createdAt", "datetime", time), new Constant("updatedAt", "datetime", time),
                            new Constant("version", "long", "0"))
                    : List.of(new Constant("recordedAt", "datetime", time));
            for (Constant column : columns) {
                if (!group.stores(column.name())) {
                    header.append(',').append(column.name()).append(':').append(column.type());
                    constants.append(',').append(column.value());
                }
            }
            return new Suffix(id, header.toString(), constants.toString().getBytes(StandardCharsets.US_ASCII));
        }

    }

    /** A column of the same value in every row. */
    private record Constant(String name, String type, String value) {
    }

    /** One data file to complete. */
    private record Task(Path from, Path to, Suffix suffix, boolean nodes, SplittableRandom random) {

        /** Copies the file, appending the suffix to every record that is not blank; returns how many. */
        long run() {
            try (InputStream in = Files.newInputStream(this.from);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(this.to), 1 << 16)) {
                byte[] buffer = new byte[1 << 16];
                byte[] uuid = new byte[37];
                uuid[0] = ',';
                long rows = 0;
                boolean quoted = false;
                boolean content = false;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    int from = 0;
                    for (int i = 0; i < read; i++) {
                        byte b = buffer[i];
                        if (b == '"') {
                            quoted = !quoted;
                            content = true;
                        }
                        else if ((b == '\n' || b == '\r') && !quoted) {
                            out.write(buffer, from, i - from);
                            from = i;
                            if (content) {
                                append(out, uuid);
                                rows++;
                                content = false;
                            }
                        }
                        else {
                            content = true;
                        }
                    }
                    out.write(buffer, from, read - from);
                }
                if (content) {
                    append(out, uuid);
                    rows++;
                }
                return rows;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private void append(OutputStream out, byte[] uuid) throws IOException {
            if (this.suffix.id()) {
                randomUuid(this.random, uuid);
                out.write(uuid);
            }
            out.write(this.suffix.constants());
        }

    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * Writes a random (version 4) UUID in its text form after the comma at {@code to[0]}: the form
     * {@code randomUUID()} gives, from a generator seeded once from {@link SecureRandom}. Ids name
     * entities and links; they are not secrets, and SecureRandom's lock would cost more than the load.
     */
    static void randomUuid(SplittableRandom random, byte[] to) {
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        int at = 1;
        for (int nibble = 15; nibble >= 0; nibble--) {
            to[at++] = HEX[(int) (high >>> (nibble * 4)) & 0xf];
            if (nibble == 8 || nibble == 4) {
                to[at++] = '-';
            }
        }
        to[at++] = '-';
        for (int nibble = 15; nibble >= 0; nibble--) {
            to[at++] = HEX[(int) (low >>> (nibble * 4)) & 0xf];
            if (nibble == 12) {
                to[at++] = '-';
            }
        }
    }

}
