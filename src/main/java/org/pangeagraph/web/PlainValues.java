package org.pangeagraph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's validation messages in plain words: the values of a document appear there as
 * graphql-java's syntax-tree objects print themselves ({@code IntValue{value=5}},
 * {@code EnumValue{name='X'}}), which tell a client the names of Java classes and not the value it
 * sent. Each such value becomes the value as GraphQL writes it ({@code 5}, {@code X},
 * {@code "text"}, {@code [1, 2]}, {@code {name: "x"}}); the names of value kinds ("Expected an AST type
 * of 'StringValue'") become words ("a string"). A value it cannot read back is left as it is.
 */
final class PlainValues {

    private static final Pattern VALUE = Pattern.compile(
            "\\b(IntValue|FloatValue|StringValue|BooleanValue|NullValue|EnumValue|ArrayValue|ObjectValue|VariableReference)\\{");

    private static final Pattern KIND = Pattern.compile("'(IntValue|FloatValue|StringValue|BooleanValue|NullValue|EnumValue"
            + "|ArrayValue|ObjectValue|VariableReference)'");

    private static final Pattern EXPECTED = Pattern.compile("Expected an AST type of (.+?) but it was an? (\\S+)");

    private static final Map<String, String> KINDS = Map.of("IntValue", "an integer", "FloatValue", "a number",
            "StringValue", "a string", "BooleanValue", "a boolean", "NullValue", "null", "EnumValue", "an enum value",
            "ArrayValue", "a list", "ObjectValue", "an input object", "VariableReference", "a variable");

    private PlainValues() {
    }

    /** The message with every syntax-tree value and value kind in plain words. */
    static String of(String message) {
        if (message == null || !message.contains("Value")) {
            return message;
        }
        StringBuilder plain = new StringBuilder();
        int copied = 0;
        Matcher value = VALUE.matcher(message);
        int from = 0;
        while (from < message.length() && value.find(from)) {
            Read read = new Reader(message).value(value.start());
            if (read == null) {
                from = value.end();
                continue;
            }
            plain.append(message, copied, value.start()).append(read.text());
            copied = read.end();
            from = read.end();
        }
        plain.append(message.substring(copied));
        String expected = EXPECTED.matcher(plain).replaceAll(m -> Matcher.quoteReplacement("Expected "
                + kinds(m.group(1)) + ", not " + kinds(m.group(2))));
        return KIND.matcher(expected).replaceAll(m -> Matcher.quoteReplacement(KINDS.get(m.group(1))));
    }

    /** "'IntValue' or 'StringValue'" in words: "an integer or a string". */
    private static String kinds(String names) {
        return KIND.matcher(names).replaceAll(m -> Matcher.quoteReplacement(KINDS.get(m.group(1))));
    }

    /** A value read back, as GraphQL writes it, and where its printed form ended. */
    private record Read(String text, int end) {
    }

    /** Reads the printed form of a syntax-tree value back: {@code Name{member=...}}, nested. */
    private static final class Reader {

        private final String text;

        Reader(String text) {
            this.text = text;
        }

        Read value(int at) {
            int brace = this.text.indexOf('{', at);
            if (brace < 0) {
                return null;
            }
            String kind = this.text.substring(at, brace);
            int body = brace + 1;
            return switch (kind) {
                case "IntValue", "FloatValue", "BooleanValue" -> scalar(body);
                case "NullValue" -> this.text.startsWith("}", body) ? new Read("null", body + 1) : null;
                case "StringValue" -> quoted(body, "value='", s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
                case "EnumValue" -> quoted(body, "name='", s -> s);
                case "VariableReference" -> quoted(body, "name='", s -> "$" + s);
                case "ArrayValue" -> list(body);
                case "ObjectValue" -> object(body);
                default -> null;
            };
        }

        private Read scalar(int at) {
            if (!this.text.startsWith("value=", at)) {
                return null;
            }
            int end = this.text.indexOf('}', at);
            return end < 0 ? null : new Read(this.text.substring(at + "value=".length(), end), end + 1);
        }

        private Read quoted(int at, String prefix, java.util.function.UnaryOperator<String> written) {
            if (!this.text.startsWith(prefix, at)) {
                return null;
            }
            int start = at + prefix.length();
            int end = this.text.indexOf("'}", start);
            return end < 0 ? null : new Read(written.apply(this.text.substring(start, end)), end + 2);
        }

        private Read list(int at) {
            if (!this.text.startsWith("values=[", at)) {
                return null;
            }
            List<String> items = new ArrayList<>();
            int position = at + "values=[".length();
            while (!this.text.startsWith("]}", position)) {
                Read item = value(position);
                if (item == null) {
                    return null;
                }
                items.add(item.text());
                position = separator(item.end());
            }
            return new Read("[" + String.join(", ", items) + "]", position + 2);
        }

        private Read object(int at) {
            if (!this.text.startsWith("objectFields=[", at)) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            int position = at + "objectFields=[".length();
            while (!this.text.startsWith("]}", position)) {
                String prefix = "ObjectField{name='";
                int nameEnd = this.text.indexOf("', value=", position);
                if (!this.text.startsWith(prefix, position) || nameEnd < 0) {
                    return null;
                }
                Read value = value(nameEnd + "', value=".length());
                if (value == null || !this.text.startsWith("}", value.end())) {
                    return null;
                }
                fields.add(this.text.substring(position + prefix.length(), nameEnd) + ": " + value.text());
                position = separator(value.end() + 1);
            }
            return new Read("{" + String.join(", ", fields) + "}", position + 2);
        }

        /** Past the ", " between two items of a list. */
        private int separator(int at) {
            return this.text.startsWith(", ", at) ? at + 2 : at;
        }

    }

}
