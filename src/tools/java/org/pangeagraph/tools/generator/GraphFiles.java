package org.pangeagraph.tools.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.PropertySpec;
import org.pangeagraph.model.RelationshipType;

/**
 * The files a generated graph is written to, one CSV table per node label and per relationship type
 * and pair of endpoint labels. The data files have no header row, so that the same files feed both
 * loaders: {@code load.cypher} reads them with {@code LOAD CSV} by column position, and Neo4j's
 * offline importer reads them with the header files of {@code admin/}, which carry the id spaces and
 * value types it needs.
 */
final class GraphFiles implements AutoCloseable {

    /** Rows per transaction of the LOAD CSV statements. */
    static final int ROWS_PER_TRANSACTION = 5000;

    /**
     * What the post-import pass would otherwise add to every new node in a second write of it (the
     * {@code Entity} label, timestamps, version; the file gives the id). Set on creation only, so that
     * loading the files again changes nothing; the keys are in normal form by construction.
     */
    static final String COMPLETE_NODE = "ON CREATE SET n:Entity, n.createdAt = datetime(), n.updatedAt = datetime(), n.version = 0";

    /** The same for a new link: its id and when it was recorded. */
    static final String COMPLETE_LINK = "ON CREATE SET r.id = randomUUID(), r.recordedAt = datetime()";

    /** A column's value type, as the offline importer names it and as Cypher converts the text. */
    enum ValueType {

        STRING("", "%s"), LONG(":long", "toInteger(%s)"), DATE(":date", "date(%s)"), BOOLEAN(":boolean", "toBoolean(%s)"),
        STRING_ARRAY(":string[]", "split(%s, ';')");

        private final String adminSuffix;

        private final String cypher;

        ValueType(String adminSuffix, String cypher) {
            this.adminSuffix = adminSuffix;
            this.cypher = cypher;
        }

    }

    /** A column: a property name and the type of its values. */
    record Column(String name, ValueType type) {

        /** A column holding text that is no property of the model's (a file id, a link key). */
        static Column text(String name) {
            return new Column(name, ValueType.STRING);
        }

        /** The column of the model's property {@code spec}, typed as the model types it. */
        static Column of(PropertySpec spec) {
            return new Column(spec.name(), switch (spec.type()) {
                case TEXT -> ValueType.STRING;
                case NUMBER -> ValueType.LONG;
                case DATE -> ValueType.DATE;
                case BOOLEAN -> ValueType.BOOLEAN;
                case TEXT_LIST -> ValueType.STRING_ARRAY;
            });
        }

    }

    /**
     * How the files name a node of a kind: by its key (the model's), by its id for people, who have
     * none, and for companies, keyed on name and country together, by {@code nameKey|country}.
     */
    private static String fileKey(NodeKind kind) {
        return kind.hasKey() ? kind.keyProperty() : "id";
    }

    /** The properties LOAD CSV merges a node of the kind on. */
    private static List<String> mergeKeys(NodeKind kind) {
        return kind.keyIncludesCountry() ? List.of(kind.keyProperty(), "country") : List.of(fileKey(kind));
    }

    /** The Cypher pattern of the node of {@code kind} whose file id is {@code value}. */
    private static String pattern(NodeKind kind, String variable, String value) {
        if (kind.keyIncludesCountry()) {
            return "(" + variable + ":" + kind.label() + " {" + kind.keyProperty() + ": split(" + value + ", '|')[0], country: split("
                    + value + ", '|')[1]})";
        }
        return "(" + variable + ":" + kind.label() + " {" + fileKey(kind) + ": " + value + "})";
    }

    /** A table and the writer of its data file. */
    final class Table {

        private final String file;

        private final String adminHeader;

        private final String loadStatement;

        private final BufferedWriter writer;

        private final boolean node;

        private final String adminLabelOrType;

        private long rows;

        private Table(String file, String adminHeader, String loadStatement, boolean node, String adminLabelOrType) {
            this.file = file;
            this.adminHeader = adminHeader;
            this.loadStatement = loadStatement;
            this.node = node;
            this.adminLabelOrType = adminLabelOrType;
            try {
                Path path = GraphFiles.this.directory.resolve(file);
                Files.createDirectories(path.getParent());
                this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** Writes a row; null is an empty cell, which both loaders read as absent. */
        void row(Object... values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        this.writer.write(',');
                    }
                    this.writer.write(cell(values[i]));
                }
                this.writer.write('\n');
                this.rows++;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

    }

    private final Path directory;

    private final Map<String, Table> tables = new LinkedHashMap<>();

    GraphFiles(Path directory) {
        this.directory = directory;
    }

    /**
     * A node table. The first column is the id the offline importer uses in the kind's id space: the
     * key, a person's id, or a company's {@code nameKey|country} (named as it likes, since it is not a
     * property); LOAD CSV merges on the kind's key. Every other column is {@code id}, the key or a
     * property the model gives the kind: the files carry nothing the API does not know.
     */
    Table nodes(NodeKind kind, String... columns) {
        if (!kind.keyIncludesCountry() && !columns[0].equals(fileKey(kind))) {
            throw new IllegalArgumentException(kind.label() + " files start with " + fileKey(kind) + ", not " + columns[0]);
        }
        List<Column> cols = new ArrayList<>(List.of(Column.text(columns[0])));
        for (String name : Arrays.asList(columns).subList(1, columns.length)) {
            if (name.equals("id") || name.equals(kind.keyProperty())) {
                cols.add(Column.text(name));
            }
            else {
                cols.add(Column.of(kind.property(name).orElseThrow(
                        () -> new IllegalArgumentException(kind.label() + " has no property " + name + " in the model"))));
            }
        }
        List<String> mergeKeys = mergeKeys(kind);
        String file = "nodes/" + kind.label() + ".csv";
        List<String> header = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (i == 0) {
                // A company's file id (nameKey|country) is not a property of it.
                header.add((kind.keyIncludesCountry() ? "" : c.name()) + ":ID(" + kind.label() + ")");
            }
            else {
                header.add(c.name() + c.type().adminSuffix);
            }
        }
        String merge = mergeKeys.stream().map(k -> k + ": row[" + indexOf(cols, k) + "]").collect(Collectors.joining(", "));
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (!mergeKeys.contains(c.name()) && !(i == 0 && kind.keyIncludesCountry())) {
                sets.add("n." + c.name() + " = " + c.type().cypher.formatted("row[" + i + "]"));
            }
        }
        String statement = "// " + kind.label() + ": " + cols.stream().map(Column::name).collect(Collectors.joining(", ")) + "\n"
                + "LOAD CSV FROM 'file:///" + file + "' AS row\n"
                + "CALL (row) {\n"
                + "  MERGE (n:" + kind.label() + " {" + merge + "})\n"
                + "  " + COMPLETE_NODE + "\n"
                + (sets.isEmpty() ? "" : "  SET " + String.join(",\n      ", sets) + "\n")
                + "} IN TRANSACTIONS OF " + ROWS_PER_TRANSACTION + " ROWS;\n";
        return register(new Table(file, String.join(",", header), statement, true, kind.label() + ":" + NodeKind.ENTITY_LABEL));
    }

    /**
     * A relationship table: the ids of the two ends, then {@code linkKey} (which LOAD CSV merges the
     * link on, as the import templates and the API key links), then the link's other properties:
     * provenance and the type's own. The model must allow the type between the two kinds.
     */
    Table relationships(RelationshipType type, NodeKind from, NodeKind to, String... properties) {
        if (!type.joins(from, to)) {
            throw new IllegalArgumentException("the model has no " + type.cypherName() + " from " + from.label() + " to " + to.label());
        }
        List<Column> cols = new ArrayList<>(List.of(Column.text("from"), Column.text("to"), Column.text("linkKey")));
        for (String name : properties) {
            cols.add(Column.of(Stream.concat(RelationshipType.PROVENANCE.stream(), type.properties().stream())
                .filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.cypherName() + " has no property " + name + " in the model"))));
        }
        String name = type.cypherName();
        String file = "relationships/" + name + "-" + from.label() + "-" + to.label() + ".csv";
        List<String> header = new ArrayList<>(List.of(":START_ID(" + from.label() + ")", ":END_ID(" + to.label() + ")", "linkKey"));
        cols.subList(3, cols.size()).forEach(c -> header.add(c.name() + c.type().adminSuffix));
        List<String> sets = new ArrayList<>();
        for (int i = 3; i < cols.size(); i++) {
            sets.add("r." + cols.get(i).name() + " = " + cols.get(i).type().cypher.formatted("row[" + i + "]"));
        }
        String statement = "// " + name + " from " + from.label() + " to " + to.label() + ": "
                + cols.stream().map(Column::name).collect(Collectors.joining(", ")) + "\n"
                + "LOAD CSV FROM 'file:///" + file + "' AS row\n"
                + "CALL (row) {\n"
                + "  MATCH " + pattern(from, "a", "row[0]") + "\n"
                + "  MATCH " + pattern(to, "b", "row[1]") + "\n"
                + "  MERGE (a)-[r:" + name + " {linkKey: row[2]}]->(b)\n"
                + "  " + COMPLETE_LINK + "\n"
                + (sets.isEmpty() ? "" : "  SET " + String.join(",\n      ", sets) + "\n")
                + "} IN TRANSACTIONS OF " + ROWS_PER_TRANSACTION + " ROWS;\n";
        return register(new Table(file, String.join(",", header), statement, false, name));
    }

    private Table register(Table table) {
        this.tables.put(table.file, table);
        return table;
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Every table with its row count, in load order. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        this.tables.values().forEach(t -> counts.put(t.file, t.rows));
        return counts;
    }

    /**
     * Closes the data files and writes what reads them: {@code load.cypher}, the offline importer's
     * header files and its arguments ({@code admin/import.args}, one a line, paths relative to the
     * output directory).
     */
    @Override
    public void close() {
        StringBuilder script = new StringBuilder("""
                // Generated by bin/generate: loads the CSV files beside this script, nodes first, then links.
                // Run it through the import command with this directory as the import directory:
                //   java -jar pangea-graph.jar import --pangea.embedded.import-directory=DIR DIR/load.cypher
                // MERGE on the keys of the README's graph model and on link keys: loading it twice changes nothing.
                // New entities and links are written complete (Entity label, ids, timestamps; keys in normal
                // form), so that the import command's post-import pass finds nothing left to do for them.
                // People have no natural key and are matched on their id; this index keeps that a seek.
                CREATE INDEX person_id IF NOT EXISTS FOR (n:Person) ON (n.id);
                CALL db.awaitIndexes(600);

                """);
        List<String> args = new ArrayList<>();
        try {
            Files.createDirectories(this.directory.resolve("admin"));
            for (Table table : this.tables.values()) {
                table.writer.close();
                script.append(table.loadStatement).append('\n');
                String header = "admin/" + Path.of(table.file).getFileName().toString().replace(".csv", ".header.csv");
                Files.writeString(this.directory.resolve(header), table.adminHeader + "\n", StandardCharsets.UTF_8);
                args.add((table.node ? "--nodes=" : "--relationships=") + table.adminLabelOrType + "=" + header + "," + table.file);
            }
            Files.writeString(this.directory.resolve("load.cypher"), script.toString(), StandardCharsets.UTF_8);
            Files.writeString(this.directory.resolve("admin/import.args"), String.join("\n", args) + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(";"))
                : String.valueOf(value);
        if (text.isEmpty()) {
            return "";
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

}
