package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pangeagraph.db.CypherScript.Item;
import org.pangeagraph.db.CypherScript.ParameterAssignment;
import org.pangeagraph.db.CypherScript.ScriptException;
import org.pangeagraph.db.CypherScript.Statement;

class CypherScriptTests {

    @Test
    void splitsOnSemicolonsOutsideStringsAndQuotedNames() {
        List<Item> items = CypherScript.parse("s.cypher", """
                MERGE (w:Website {domain: 'a.example'}) SET w.name = 'Pills; cheap';
                MERGE (w:Website {domain: "b.example"}) SET w.name = "Say \\"hi;\\" twice";
                MERGE (w:Website {domain: 'c.example'}) SET w.name = 'It\\'s; \\\\';
                MATCH (n) RETURN n.`odd;name` AS `a``b;c`;
                """).items();

        assertThat(texts(items)).containsExactly(
                "MERGE (w:Website {domain: 'a.example'}) SET w.name = 'Pills; cheap'",
                "MERGE (w:Website {domain: \"b.example\"}) SET w.name = \"Say \\\"hi;\\\" twice\"",
                "MERGE (w:Website {domain: 'c.example'}) SET w.name = 'It\\'s; \\\\'",
                "MATCH (n) RETURN n.`odd;name` AS `a``b;c`");
    }

    @Test
    void leavesCommentsOutButKeepsTheirLineBreaks() {
        List<Item> items = CypherScript.parse("s.cypher", """
                // MERGE (x:Website {domain: 'commented.example'});
                /* a block; with a semicolon
                   over two lines */
                MATCH (n) // a comment; with a semicolon
                /* one; line */ RETURN n
                /* two
                   lines; */ LIMIT 1;
                RETURN 'not // a comment', "nor /* this */";
                """).items();

        assertThat(texts(items)).containsExactly(
                "MATCH (n) \n  RETURN n\n\n LIMIT 1",
                "RETURN 'not // a comment', \"nor /* this */\"");
        assertThat(lines(items)).containsExactly(4, 8);
    }

    @Test
    void numbersEachStatementWithTheLineItStartsOn() {
        List<Item> items = CypherScript.parse("s.cypher", "\uFEFFRETURN 1;\n\nRETURN 'two\nlines'; RETURN 3;\n\n\n  RETURN 4\n  ;\nRETURN 5").items();

        assertThat(lines(items)).containsExactly(1, 3, 4, 7, 9);
        assertThat(texts(items)).last().isEqualTo("RETURN 5");
    }

    @Test
    void readsParameterCommandsInBothForms() {
        List<Item> items = CypherScript.parse("s.cypher", """
                :param domain => 'shop.example'
                :param `limit` => 10;
                :params {status: 'ACTIVE', since: date('2009-11-16')}
                :param  seen: [1, 2]
                MATCH (w:Website {domain: $domain}) RETURN w;
                """).items();

        assertThat(items).containsExactly(
                new ParameterAssignment("domain", "'shop.example'", 1),
                new ParameterAssignment("limit", "10", 2),
                new ParameterAssignment(null, "{status: 'ACTIVE', since: date('2009-11-16')}", 3),
                new ParameterAssignment("seen", "[1, 2]", 4),
                new Statement("MATCH (w:Website {domain: $domain}) RETURN w", 5, false));
    }

    @Test
    void refusesOtherShellCommandsNamingTheirLine() {
        assertThatThrownBy(() -> CypherScript.parse("cases/k1.cypher", "RETURN 1;\n\n:begin\nRETURN 2;\n:commit\n"))
            .isInstanceOfSatisfying(ScriptException.class, ex -> {
                assertThat(ex.script()).isEqualTo("cases/k1.cypher");
                assertThat(ex.line()).isEqualTo(3);
                assertThat(ex.getMessage()).startsWith("cases/k1.cypher:3: ").contains(":begin", "only :param");
            });
        assertThatThrownBy(() -> CypherScript.parse("s.cypher", "// set up\n:use neo4j\n"))
            .isInstanceOfSatisfying(ScriptException.class, ex -> assertThat(ex.line()).isEqualTo(2));
    }

    @Test
    void refusesAParameterCommandItCannotRead() {
        assertThatThrownBy(() -> CypherScript.parse("s.cypher", "RETURN 1;\n:param limit 10\n"))
            .isInstanceOfSatisfying(ScriptException.class, ex -> {
                assertThat(ex.line()).isEqualTo(2);
                assertThat(ex.getMessage()).contains(":param name => value");
            });
    }

    @Test
    void refusesUnterminatedStringsNamesAndCommentsAtTheLineTheyOpen() {
        assertThatThrownBy(() -> CypherScript.parse("s.cypher", "RETURN 1;\nRETURN 'open;\nRETURN 2;\n"))
            .isInstanceOfSatisfying(ScriptException.class, ex -> {
                assertThat(ex.line()).isEqualTo(2);
                assertThat(ex.getMessage()).isEqualTo("s.cypher:2: unterminated string");
            });
        assertThatThrownBy(() -> CypherScript.parse("s.cypher", "RETURN \"a\\\";"))
            .isInstanceOfSatisfying(ScriptException.class, ex -> assertThat(ex.line()).isEqualTo(1));
        assertThatThrownBy(() -> CypherScript.parse("s.cypher", "\nMATCH (n) RETURN n.`open;"))
            .isInstanceOfSatisfying(ScriptException.class, ex -> assertThat(ex.getMessage()).isEqualTo("s.cypher:2: unterminated quoted name"));
        assertThatThrownBy(() -> CypherScript.parse("s.cypher", "RETURN 1;\n\n/* never closed;\nRETURN 2;"))
            .isInstanceOfSatisfying(ScriptException.class, ex -> assertThat(ex.getMessage()).isEqualTo("s.cypher:3: unterminated /* comment"));
    }

    @Test
    void runsStatementsThatCommitThemselvesAndSchemaCommandsInAutoCommitMode() {
        List<Item> items = CypherScript.parse("s.cypher", """
                LOAD CSV WITH HEADERS FROM 'file:///websites.csv' AS row
                CALL (row) { MERGE (:Website {domain: row.domain}) } IN TRANSACTIONS OF 1000 ROWS;
                MATCH (w:Website) CALL (w) { SET w.seen = true } in 4 concurrent transactions;
                MATCH (w:Website) CALL (w) { SET w.seen = true } IN CONCURRENT TRANSACTIONS OF 10 ROWS;
                CREATE CONSTRAINT website_domain IF NOT EXISTS FOR (n:Website) REQUIRE n.domain IS UNIQUE;
                create text index website_name if not exists for (n:Website) on (n.name);
                DROP INDEX website_name IF EXISTS;
                CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Website) ON EACH [n.name];
                CREATE (w:Website {domain: 'd.example', note: 'paid IN TRANSACTIONS'});
                MATCH (n) RETURN n.`in transactions`;
                MATCH (n) // CALL { } IN TRANSACTIONS
                RETURN count(n);
                CREATE (:Index {name: 'x'});
                """).items();

        assertThat(items).map(i -> ((Statement) i).autoCommit())
            .containsExactly(true, true, true, true, true, true, true, false, false, false, false);
    }

    private static List<String> texts(List<Item> items) {
        return items.stream().map(i -> ((Statement) i).text()).toList();
    }

    private static List<Integer> lines(List<Item> items) {
        return items.stream().map(Item::line).toList();
    }

}
