package org.pangeagraph.db;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of every statement the application runs, for operators: with the category
 * {@code org.pangeagraph.cypher} at DEBUG, each statement is logged before it runs as its parameters, one
 * {@code :param name => value;} line each in Cypher literals, then the statement, ready to paste into Neo4j
 * Browser (or cypher-shell) and run as the application ran it. At any other level nothing is written and
 * nothing is formatted.
 */
public final class CypherLog {

    /** The log category. */
    public static final String CATEGORY = "org.pangeagraph.cypher";

    private static final Logger LOG = LoggerFactory.getLogger(CATEGORY);

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CypherLog() {
    }

    /** Logs {@code cypher} with its parameters, when the category is at DEBUG. */
    static void ran(String cypher, Map<String, ?> parameters) {
        if (LOG.isDebugEnabled()) {
            // On a line of its own, below the log's own prefix, to be copied whole.
            LOG.debug("\n{}", browserText(cypher, parameters));
        }
    }

    /**
     * The statement as Neo4j Browser takes it: a {@code :param} line for each parameter (in name order),
     * then the statement, each ended by a semicolon.
     */
    public static String browserText(String cypher, Map<String, ?> parameters) {
        StringBuilder text = new StringBuilder();
        if (parameters != null) {
            new TreeMap<String, Object>(parameters).forEach((name, value) -> text.append(":param ").append(key(name))
                .append(" => ").append(literal(value)).append(";\n"));
        }
        return text.append(cypher.strip()).append(';').toString();
    }

    /** {@code value} as a Cypher literal that evaluates to the same value. */
    public static String literal(Object value) {
        StringBuilder text = new StringBuilder();
        append(text, value);
        return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof Value driverValue) {
            append(text, driverValue.asObject());
        }
        else if (value == null) {
            text.append("null");
        }
        else if (value instanceof CharSequence || value instanceof Character) {
            string(text, value.toString());
        }
        else if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            text.append(value);
        }
        else if (value instanceof Double || value instanceof Float) {
            number(text, ((Number) value).doubleValue());
        }
        else if (value instanceof Map<?, ?> map) {
            text.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(separator).append(key(String.valueOf(entry.getKey()))).append(": ");
                append(text, entry.getValue());
                separator = ", ";
            }
            text.append('}');
        }
        else if (value instanceof Iterable<?> list) {
            text.append('[');
            String separator = "";
            for (Object element : list) {
                text.append(separator);
                append(text, element);
                separator = ", ";
            }
            text.append(']');
        }
        else if (value.getClass().isArray()) {
            text.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                text.append(i == 0 ? "" : ", ");
                append(text, Array.get(value, i));
            }
            text.append(']');
        }
        else {
            temporal(text, value);
        }
    }

    private static void temporal(StringBuilder text, Object value) {
        String function = value instanceof LocalDate ? "date" : value instanceof LocalDateTime ? "localdatetime"
                : value instanceof LocalTime ? "localtime" : value instanceof OffsetTime ? "time"
                        : value instanceof OffsetDateTime || value instanceof ZonedDateTime ? "datetime"
                                : value instanceof Duration || value instanceof Period ? "duration" : null;
        if (function == null) {
            // No Cypher literal for it (nothing the application sends); its text, so that the line still reads.
            string(text, value.toString());
            return;
        }
        String iso = value instanceof ZonedDateTime zoned && !(zoned.getZone() instanceof java.time.ZoneOffset)
                ? java.time.format.DateTimeFormatter.ISO_ZONED_DATE_TIME.format(zoned) : value.toString();
        text.append(function).append('(');
        string(text, iso);
        text.append(')');
    }

    private static void number(StringBuilder text, double number) {
        if (Double.isNaN(number)) {
            text.append("NaN");
        }
        else if (Double.isInfinite(number)) {
            text.append(number > 0 ? "Infinity" : "-Infinity");
        }
        else {
            text.append(Double.toString(number));
        }
    }

    /** A map key or parameter name: as it is when it is a plain name, else in backticks. */
    private static String key(String name) {
        return NAME.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
    }

    private static void string(StringBuilder text, String value) {
        text.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\'' -> text.append("\\'");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        text.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('\'');
    }

}
