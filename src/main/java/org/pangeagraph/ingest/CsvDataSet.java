package org.pangeagraph.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pangeagraph.ingest.ImportArguments.UsageException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * The CSV files of a first load ({@code import --new-store DIR}), as {@code bin/generate} writes them
 * and Neo4j's offline importer reads them: {@code DIR/admin/import.args} lists one group of files a
 * line, {@code --nodes=Label[:Label...]=HEADER,FILE[,FILE...]} or
 * {@code --relationships=TYPE=HEADER,FILE[,FILE...]}, paths relative to DIR (blank lines and lines
 * starting with {@code #} are skipped). The header file's first line names the columns, in the
 * importer's header format; the data files have no header row and use commas.
 *
 * <p>Everything is checked here, before any store is touched: the labels and types are the model's,
 * every file can be read, every header has columns.
 *
 * @param directory DIR
 * @param groups the lines of the arguments file, in order
 */
record CsvDataSet(Path directory, List<Group> groups) {

    /** Where the groups are listed, relative to the directory. */
    static final String ARGUMENTS = "admin/import.args";

    CsvDataSet {
        groups = List.copyOf(groups);
    }

    /**
     * One line of the arguments file.
     *
     * @param nodes whether it loads nodes (else relationships)
     * @param names the node labels, or the one relationship type
     * @param header the header file
     * @param files the data files
     * @param columns the header's columns as written ({@code domain:ID(Website)}, {@code firstSeen:date}, {@code :END_ID})
     */
    record Group(boolean nodes, List<String> names, Path header, List<Path> files, List<String> columns) {

        Group {
            names = List.copyOf(names);
            files = List.copyOf(files);
            columns = List.copyOf(columns);
        }

        /** Whether a column stores this property ({@code id:ID(Person)} stores {@code id}; {@code :ID(Website)} stores nothing). */
        boolean stores(String property) {
            return this.columns.stream().anyMatch(c -> (c.indexOf(':') >= 0 ? c.substring(0, c.indexOf(':')) : c).strip().equals(property));
        }

    }

    /**
     * Reads and checks {@code directory/admin/import.args} and the header files it names.
     *
     * @throws UsageException naming the file, line or path that is wrong
     */
    static CsvDataSet read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UsageException(directory + ": no such directory (--new-store loads a directory of CSV files)");
        }
        Path arguments = directory.resolve(ARGUMENTS);
        List<String> lines;
        try {
            lines = Files.readAllLines(arguments, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UsageException(arguments + ": cannot be read (" + ex.getClass().getSimpleName()
                    + "); --new-store needs the list of CSV files there, one --nodes=... or --relationships=... a line");
        }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                groups.add(group(directory, line, arguments + ":" + (i + 1)));
            }
        }
        if (groups.stream().noneMatch(Group::nodes)) {
            throw new UsageException(arguments + ": lists no --nodes=... files");
        }
        return new CsvDataSet(directory, groups);
    }

    private static Group group(Path directory, String line, String where) {
        boolean nodes = line.startsWith("--nodes=");
        if (!nodes && !line.startsWith("--relationships=")) {
            throw new UsageException(where + ": expected --nodes=Label=HEADER,FILE... or --relationships=TYPE=HEADER,FILE..., not '"
                    + line + "' (other options of the offline importer are not taken)");
        }
        String value = line.substring(line.indexOf('=') + 1);
        int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new UsageException(where + ": name the " + (nodes ? "labels" : "relationship type") + " before the files: "
                    + (nodes ? "--nodes=Website=..." : "--relationships=HOSTED_AT=..."));
        }
        List<String> names = Arrays.asList(value.substring(0, equals).split(":"));
        if (nodes) {
            checkLabels(names, where);
        }
        else if (names.size() != 1 || Arrays.stream(RelationshipType.values()).noneMatch(t -> t.cypherName().equals(names.get(0)))) {
            throw new UsageException(where + ": '" + value.substring(0, equals) + "' is not a relationship type of the model");
        }
        List<Path> paths = Arrays.stream(value.substring(equals + 1).split(",")).map(String::strip).map(directory::resolve).toList();
        if (paths.size() < 2) {
            throw new UsageException(where + ": name the header file, then at least one data file");
        }
        for (Path path : paths) {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new UsageException(where + ": " + path + ": no such file, or it cannot be read");
            }
        }
        return new Group(nodes, names, paths.get(0), paths.subList(1, paths.size()), columns(paths.get(0), where));
    }

    private static void checkLabels(List<String> labels, String where) {
        for (String label : labels) {
            if (!label.equals(NodeKind.ENTITY_LABEL) && NodeKind.ofLabel(label).isEmpty()) {
                throw new UsageException(where + ": '" + label + "' is not a kind of entity of the model");
            }
        }
        if (labels.stream().filter(l -> NodeKind.ofLabel(l).isPresent()).count() != 1) {
            throw new UsageException(where + ": name exactly one kind of entity of the model (and Entity, if you like)");
        }
    }

    private static List<String> columns(Path header, String where) {
        try (BufferedReader reader = Files.newBufferedReader(header, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw new UsageException(where + ": " + header + ": the header file is empty");
            }
            return Arrays.asList(first.split(",", -1));
        }
        catch (IOException ex) {
            throw new UsageException(where + ": " + header + ": cannot be read as UTF-8 text (" + ex.getClass().getSimpleName() + ")");
        }
    }

}
