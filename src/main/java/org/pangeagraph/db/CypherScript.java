package org.pangeagraph.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cypher script as cypher-shell reads it: statements ended by {@code ;} (strings, quoted names and
 * comments respected) and client commands on lines of their own. Of the commands only {@code :param}
 * is supported; any other is an error naming its line, so that a script is never half understood.
 *
 * @param name the script's name in messages (its file name)
 * @param items the statements and parameter assignments, in order
 */
public record CypherScript(String name, List<Item> items) {

    private static final Pattern PARAM_ARROW = Pattern.compile("(?s)^:params?\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\\s*=>\\s*(.+)$");

    private static final Pattern PARAM_COLON = Pattern.compile("(?s)^:params?\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\\s*:\\s*(.+)$");

    private static final Pattern PARAM_MAP = Pattern.compile("(?s)^:params?\\s+(\\{.*})\\s*$");

    // IN TRANSACTIONS, IN CONCURRENT TRANSACTIONS, IN 4 CONCURRENT TRANSACTIONS, IN $n CONCURRENT TRANSACTIONS
    private static final Pattern SELF_COMMITTING = Pattern.compile(
            "(?is)\\bIN\\s+(?:(?:\\d+\\s+|\\$\\w+\\s+)?CONCURRENT\\s+)?TRANSACTIONS\\b");

    private static final Pattern SCHEMA_COMMAND = Pattern.compile(
            "(?is)^\\s*(CREATE|DROP|ALTER)\\s+(OR\\s+REPLACE\\s+)?(CONSTRAINT|INDEX|RANGE\\s+INDEX|TEXT\\s+INDEX|POINT\\s+INDEX|"
                    + "LOOKUP\\s+INDEX|FULLTEXT\\s+INDEX|VECTOR\\s+INDEX|DATABASE|ALIAS|USER|ROLE)\\b");

    public CypherScript {
        items = List.copyOf(items);
    }

    /** A step of a script, with the line it starts on. */
    public sealed interface Item permits Statement, ParameterAssignment {

        int line();

    }

    /**
     * A Cypher statement.
     *
     * @param text the statement without its ending semicolon
     * @param line the line it starts on (1-based)
     * @param autoCommit whether it must run in a transaction of its own: schema commands, and
     * statements that manage their own transactions ({@code CALL { ... } IN TRANSACTIONS})
     */
    public record Statement(String text, int line, boolean autoCommit) implements Item {
    }

    /**
     * A {@code :param} command: {@code name => expression}, or a map of several when {@code name} is
     * null. The expression is evaluated by the database, as cypher-shell does.
     */
    public record ParameterAssignment(String name, String expression, int line) implements Item {
    }

    /** A client command or statement the importer cannot run, with its line. */
    public static class ScriptException extends RuntimeException {

        private final String script;

        private final int line;

        public ScriptException(String script, int line, String message) {
            super(script + ":" + line + ": " + message);
            this.script = script;
            this.line = line;
        }

        public String script() {
            return this.script;
        }

        public int line() {
            return this.line;
        }

    }

    /**
     * Splits {@code text}.
     *
     * @throws ScriptException for an unsupported client command or an unterminated string or comment
     */
    public static CypherScript parse(String name, String text) {
        return new Parser(name, text).parse();
    }

    private static final class Parser {

        private final String name;

        private final String text;

        private final List<Item> items = new ArrayList<>();

        private int pos;

        private int line = 1;

        Parser(String name, String text) {
            this.name = name;
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        CypherScript parse() {
            while (true) {
                skipBlankAndComments();
                if (this.pos >= this.text.length()) {
                    break;
                }
                if (this.text.charAt(this.pos) == ':') {
                    command();
                }
                else {
                    statement();
                }
            }
            return new CypherScript(this.name, this.items);
        }

        private void command() {
            int startLine = this.line;
            int end = this.text.indexOf('\n', this.pos);
            end = end < 0 ? this.text.length() : end;
            String command = this.text.substring(this.pos, end).strip();
            if (command.endsWith(";")) {
                command = command.substring(0, command.length() - 1).strip();
            }
            this.pos = end;
            String word = command.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (!word.equals(":param") && !word.equals(":params")) {
                throw new ScriptException(this.name, startLine, "the cypher-shell command " + word
                        + " is not supported by the importer; only :param is (transactions are managed by the importer)");
            }
            Matcher m;
            if ((m = PARAM_ARROW.matcher(command)).matches() || (m = PARAM_COLON.matcher(command)).matches()) {
                this.items.add(new ParameterAssignment(m.group(1), m.group(2).strip(), startLine));
            }
            else if ((m = PARAM_MAP.matcher(command)).matches()) {
                this.items.add(new ParameterAssignment(null, m.group(1).strip(), startLine));
            }
            else {
                throw new ScriptException(this.name, startLine,
                        "cannot read this :param command; write ':param name => value' or ':param {name: value}'");
            }
        }

        private void statement() {
            int startLine = this.line;
            StringBuilder out = new StringBuilder();
            while (this.pos < this.text.length()) {
                char c = this.text.charAt(this.pos);
                if (c == ';') {
                    this.pos++;
                    add(out, startLine);
                    return;
                }
                if (c == '\'' || c == '"' || c == '`') {
                    quoted(c, out);
                }
                else if (c == '/' && peek(1) == '/') {
                    lineComment();
                }
                else if (c == '/' && peek(1) == '*') {
                    // Kept as its line breaks, so that line n of the statement is line n of its text in the file.
                    int before = this.line;
                    blockComment();
                    out.append(before == this.line ? " " : "\n".repeat(this.line - before));
                }
                else {
                    advance(out);
                }
            }
            add(out, startLine);
        }

        private void add(StringBuilder out, int startLine) {
            String statement = out.toString().strip();
            if (!statement.isEmpty()) {
                boolean autoCommit = SCHEMA_COMMAND.matcher(statement).find()
                        || SELF_COMMITTING.matcher(stripStrings(statement)).find();
                this.items.add(new Statement(statement, startLine, autoCommit));
            }
        }

        private void quoted(char quote, StringBuilder out) {
            int startLine = this.line;
            advance(out);
            while (this.pos < this.text.length()) {
                char c = this.text.charAt(this.pos);
                if (c == '\\' && quote != '`' && this.pos + 1 < this.text.length()) {
                    advance(out);
                    advance(out);
                    continue;
                }
                if (c == quote) {
                    if (quote == '`' && peek(1) == '`') {
                        advance(out);
                        advance(out);
                        continue;
                    }
                    advance(out);
                    return;
                }
                advance(out);
            }
            throw new ScriptException(this.name, startLine, "unterminated " + (quote == '`' ? "quoted name" : "string"));
        }

        private void skipBlankAndComments() {
            while (this.pos < this.text.length()) {
                char c = this.text.charAt(this.pos);
                if (Character.isWhitespace(c)) {
                    advance(null);
                }
                else if (c == '/' && peek(1) == '/') {
                    lineComment();
                }
                else if (c == '/' && peek(1) == '*') {
                    blockComment();
                }
                else {
                    return;
                }
            }
        }

        private void lineComment() {
            while (this.pos < this.text.length() && this.text.charAt(this.pos) != '\n') {
                this.pos++;
            }
        }

        private void blockComment() {
            int startLine = this.line;
            int end = this.text.indexOf("*/", this.pos + 2);
            if (end < 0) {
                throw new ScriptException(this.name, startLine, "unterminated /* comment");
            }
            while (this.pos < end + 2) {
                advance(null);
            }
        }

        private char peek(int ahead) {
            int i = this.pos + ahead;
            return i < this.text.length() ? this.text.charAt(i) : '\0';
        }

        private void advance(StringBuilder out) {
            char c = this.text.charAt(this.pos++);
            if (c == '\n') {
                this.line++;
            }
            if (out != null) {
                out.append(c);
            }
        }

        private static String stripStrings(String statement) {
            return statement.replaceAll("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"|`(?:``|[^`])*`", "''");
        }

    }

}
