package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

/** The parameters of the statement log are written as Cypher literals. */
class CypherLogTests {

    @Test
    void valuesAreWrittenAsCypherLiterals() {
        assertThat(CypherLog.literal(null)).isEqualTo("null");
        assertThat(CypherLog.literal(true)).isEqualTo("true");
        assertThat(CypherLog.literal(42)).isEqualTo("42");
        assertThat(CypherLog.literal(-7L)).isEqualTo("-7");
        assertThat(CypherLog.literal(2.5)).isEqualTo("2.5");
        assertThat(CypherLog.literal(LocalDate.of(2009, 9, 1))).isEqualTo("date('2009-09-01')");
        assertThat(CypherLog.literal(LocalDateTime.of(2009, 9, 1, 12, 30))).isEqualTo("localdatetime('2009-09-01T12:30')");
        assertThat(CypherLog.literal(ZonedDateTime.of(2009, 9, 1, 12, 30, 0, 0, ZoneOffset.UTC)))
            .isEqualTo("datetime('2009-09-01T12:30Z')");
        assertThat(CypherLog.literal(Arrays.asList("a", null, 1))).isEqualTo("['a', null, 1]");
        assertThat(CypherLog.literal(new String[] { "x" })).isEqualTo("['x']");
        assertThat(CypherLog.literal(Values.value(List.of(1L, 2L)))).isEqualTo("[1, 2]");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("plain", 1);
        map.put("HOSTED_AT/ALLOCATED_TO", "HOSTING_PROVIDER");
        map.put("odd`key", List.of());
        assertThat(CypherLog.literal(map))
            .isEqualTo("{plain: 1, `HOSTED_AT/ALLOCATED_TO`: 'HOSTING_PROVIDER', `odd``key`: []}");
    }

    @Test
    void stringsAreQuotedAndEscaped() {
        assertThat(CypherLog.literal("O'Brien \\ \"x\"\n\t\u0001")).isEqualTo("'O\\'Brien \\\\ \"x\"\\n\\t\\u0001'");
    }

    @Test
    void aStatementIsItsParametersInNameOrderThenItsText() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("seeAll", false);
        params.put("asOf", LocalDate.of(2009, 8, 31));
        params.put("myCases", List.of("SAMPLE-2009-001"));
        assertThat(CypherLog.browserText("\nMATCH (n) WHERE n.id = $id\nRETURN n\n", params)).isEqualTo("""
                :param asOf => date('2009-08-31');
                :param myCases => ['SAMPLE-2009-001'];
                :param seeAll => false;
                MATCH (n) WHERE n.id = $id
                RETURN n;""");
    }

}
