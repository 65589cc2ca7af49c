package org.pangeagraph.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.Subgraph;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a subgraph in an export format. Property values are written as the tools expect them:
 * dates and date-times in ISO form, lists joined with {@code ;} where the format has no lists. Every
 * file is well-formed whatever text the graph holds ({@link ExportText}).
 */
public final class SubgraphWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubgraphWriter() {
    }

    public static byte[] write(Subgraph subgraph, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (format) {
                case CYJS -> cytoscape(subgraph, out);
                case GRAPHML -> graphml(subgraph, out);
                case CSV -> zip(subgraph, out);
                case NODES_CSV -> out.write(nodesCsv(subgraph).getBytes(StandardCharsets.UTF_8));
                case EDGES_CSV -> out.write(edgesCsv(subgraph).getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** Cytoscape.js elements: {@code data} holds id, label, kind and every property. */
    static void cytoscape(Subgraph subgraph, OutputStream out) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (GraphNode node : subgraph.nodes()) {
            Map<String, Object> data = new LinkedHashMap<>();
            node.properties().forEach((k, v) -> data.put(ExportText.forJson(k), plain(v)));
            data.put("id", ExportText.forJson(node.id()));
            data.put("label", ExportText.forJson(node.caption()));
            data.put("kind", node.kind().name());
            nodes.add(Map.of("group", "nodes", "data", data));
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (GraphEdge edge : subgraph.edges()) {
            Map<String, Object> data = new LinkedHashMap<>();
            edge.properties().forEach((k, v) -> data.put(ExportText.forJson(k), plain(v)));
            data.put("id", ExportText.forJson(edge.id()));
            data.put("source", ExportText.forJson(edge.source()));
            data.put("target", ExportText.forJson(edge.target()));
            data.put("label", edge.type().name());
            data.put("type", edge.type().name());
            edges.add(Map.of("group", "edges", "data", data));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format_version", "1.0");
        document.put("generated_by", "Pangea Graph");
        document.put("data", Map.of("truncated", subgraph.truncated()));
        document.put("elements", Map.of("nodes", nodes, "edges", edges));
        JSON.writeValue(out, document);
    }

    /** GraphML with a declared key for every attribute, typed string, long, double or boolean. */
    static void graphml(Subgraph subgraph, OutputStream out) {
        Map<String, String> nodeKeys = keys(subgraph.nodes().stream().map(GraphNode::properties).toList());
        Map<String, String> edgeKeys = keys(subgraph.edges().stream().map(GraphEdge::properties).toList());
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
            // The caption and kind get keys of their own, apart from the properties (an account has a
            // property named "kind" too).
            key(xml, "label", "node", "label", "string");
            key(xml, "entityKind", "node", "entityKind", "string");
            for (Map.Entry<String, String> k : nodeKeys.entrySet()) {
                key(xml, "n_" + k.getKey(), "node", k.getKey(), k.getValue());
            }
            key(xml, "type", "edge", "type", "string");
            for (Map.Entry<String, String> k : edgeKeys.entrySet()) {
                key(xml, "e_" + k.getKey(), "edge", k.getKey(), k.getValue());
            }
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "G");
            xml.writeAttribute("edgedefault", "directed");
            for (GraphNode node : subgraph.nodes()) {
                xml.writeStartElement("node");
                xml.writeAttribute("id", ExportText.forXmlOrCsv(node.id()));
                data(xml, "label", node.caption());
                data(xml, "entityKind", node.kind().name());
                for (Map.Entry<String, Object> p : new TreeMap<>(node.properties()).entrySet()) {
                    if (!p.getKey().equals("id")) {
                        data(xml, "n_" + p.getKey(), text(p.getValue()));
                    }
                }
                xml.writeEndElement();
            }
            for (GraphEdge edge : subgraph.edges()) {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", ExportText.forXmlOrCsv(edge.id()));
                xml.writeAttribute("source", ExportText.forXmlOrCsv(edge.source()));
                xml.writeAttribute("target", ExportText.forXmlOrCsv(edge.target()));
                data(xml, "type", edge.type().name());
                for (Map.Entry<String, Object> p : new TreeMap<>(edge.properties()).entrySet()) {
                    if (!p.getKey().equals("id")) {
                        data(xml, "e_" + p.getKey(), text(p.getValue()));
                    }
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Cannot write GraphML", ex);
        }
    }

    /**
     * The time written on the zip's entries: always the same, so that the same subgraph is the same file
     * byte for byte (a zip entry otherwise carries the time it was written).
     */
    private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    static void zip(Subgraph subgraph, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(entry("nodes.csv"));
            zip.write(nodesCsv(subgraph).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(entry("edges.csv"));
            zip.write(edgesCsv(subgraph).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ZIP_ENTRY_TIME);
        return entry;
    }

    /** Columns Gephi's spreadsheet import knows (Id, Label), then kind and every property. */
    static String nodesCsv(Subgraph subgraph) {
        TreeSet<String> columns = new TreeSet<>();
        subgraph.nodes().forEach(n -> columns.addAll(n.properties().keySet()));
        columns.remove("id");
        StringBuilder csv = new StringBuilder();
        row(csv, concat(List.of("Id", "Label", "Kind"), columns));
        for (GraphNode node : subgraph.nodes()) {
            List<String> values = new ArrayList<>(List.of(node.id(), node.caption(), node.kind().name()));
            columns.forEach(c -> values.add(text(node.properties().get(c))));
            row(csv, values);
        }
        return csv.toString();
    }

    /** Id, Source, Target, Type (Directed, as Gephi reads it), Label (the relationship type), then every property. */
    static String edgesCsv(Subgraph subgraph) {
        TreeSet<String> columns = new TreeSet<>();
        subgraph.edges().forEach(e -> columns.addAll(e.properties().keySet()));
        columns.remove("id");
        StringBuilder csv = new StringBuilder();
        row(csv, concat(List.of("Id", "Source", "Target", "Type", "Label"), columns));
        for (GraphEdge edge : subgraph.edges()) {
            List<String> values = new ArrayList<>(List.of(edge.id(), edge.source(), edge.target(), "Directed",
                    edge.type().name()));
            columns.forEach(c -> values.add(text(edge.properties().get(c))));
            row(csv, values);
        }
        return csv.toString();
    }

    private static List<String> concat(List<String> first, TreeSet<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    private static void row(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = values.get(i) == null ? "" : ExportText.forSpreadsheet(values.get(i));
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            csv.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        csv.append("\r\n");
    }

    /** The GraphML type of each property, from the values it holds (string when they disagree). */
    private static Map<String, String> keys(List<Map<String, Object>> properties) {
        Map<String, String> types = new TreeMap<>();
        for (Map<String, Object> props : properties) {
            props.forEach((name, value) -> {
                if (name.equals("id")) {
                    return;
                }
                String type = value instanceof Boolean ? "boolean" : value instanceof Long || value instanceof Integer ? "long"
                        : value instanceof Double || value instanceof Float ? "double" : "string";
                types.merge(name, type, (a, b) -> a.equals(b) ? a : "string");
            });
        }
        return types;
    }

    private static void key(XMLStreamWriter xml, String id, String target, String name, String type) throws XMLStreamException {
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", ExportText.forXmlOrCsv(id));
        xml.writeAttribute("for", target);
        xml.writeAttribute("attr.name", ExportText.forXmlOrCsv(name));
        xml.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("data");
        xml.writeAttribute("key", ExportText.forXmlOrCsv(key));
        xml.writeCharacters(ExportText.forXmlOrCsv(value));
        xml.writeEndElement();
    }

    private static Object plain(Object value) {
        return value instanceof TemporalAccessor ? value.toString() : ExportText.forJson(value);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

}
