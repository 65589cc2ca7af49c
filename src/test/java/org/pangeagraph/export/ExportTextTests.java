package org.pangeagraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV cells a spreadsheet would run, and cells it would not. */
class ExportTextTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "=HYPERLINK(\"http://evil.example\",\"x\") => '=HYPERLINK(\"http://evil.example\",\"x\")",
        "@SUM(A1:A9) => '@SUM(A1:A9)",
        "+cmd|' /C calc'!A0 => '+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0 => '-2+3+cmd|' /C calc'!A0",
        "`\t=1+1` => `'\t=1+1`",
        "+447700900123 => +447700900123",
        "+44 (0) 7700 900-123 => +44 (0) 7700 900-123",
        "-12.5 => -12.5",
        "Viktor = boss => Viktor = boss",
        "maple-leaf-pharmacy.example => maple-leaf-pharmacy.example",
    })
    void aCellASpreadsheetWouldRunIsMarkedAsTextAndNothingElseIs(String stored, String exported) {
        assertThat(ExportText.forSpreadsheet(stored)).isEqualTo(exported);
    }

}
