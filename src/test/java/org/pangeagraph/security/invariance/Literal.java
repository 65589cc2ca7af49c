package org.pangeagraph.security.invariance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Values written as GraphQL literals in a document: strings quoted, enums bare, lists and input objects. */
public final class Literal {

    private Literal() {
    }

    /** An enum value, written bare. */
    record EnumValue(String name) {
    }

    static EnumValue enumValue(Enum<?> value) {
        return new EnumValue(value.name());
    }

    /** {@code (name: value, ...)} for the arguments that are not null, or nothing. */
    static String arguments(Map<String, Object> arguments) {
        String written = arguments.entrySet().stream().filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + ": " + of(e.getValue())).collect(Collectors.joining(", "));
        return written.isEmpty() ? "" : "(" + written + ")";
    }

    public static String of(Object value) {
        if (value instanceof EnumValue e) {
            return e.name();
        }
        if (value instanceof String || value instanceof LocalDate) {
            return quoted(value.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Literal::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().filter(e -> e.getValue() != null).map(e -> e.getKey() + ": " + of(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException("No GraphQL literal for " + value.getClass().getName());
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

}
