package org.pangeagraph.export;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text as an export format can hold it, whatever the graph holds: the API refuses control characters and
 * broken surrogate pairs, but imports write what their scripts say. A character a format cannot hold is
 * replaced by U+FFFD (the replacement character), so that the file stays well-formed and a reader sees
 * that something stood there; everything else is kept as it is, except that a CSV cell a spreadsheet would
 * run as a formula is marked as text ({@link #forSpreadsheet}).
 */
final class ExportText {

    static final char REPLACEMENT = '\uFFFD';

    /** What a spreadsheet reads as the start of a formula. */
    private static final String FORMULA_START = "=+-@\t\r";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-][0-9 ().+-]*");

    private ExportText() {
    }

    /**
     * For GraphML and CSV: no character XML 1.0 forbids (controls but tab, line feed and carriage return;
     * U+FFFE and U+FFFF) and no half of a surrogate pair, which UTF-8 cannot encode.
     */
    static String forXmlOrCsv(String text) {
        return replaced(text, true);
    }

    /**
     * For a CSV cell, which a spreadsheet may open: well-formed as {@link #forXmlOrCsv}, and a cell a
     * spreadsheet would run as a formula (beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
     * a carriage return) gets an apostrophe in front, which spreadsheets show as text and never run: a
     * name stored as {@code =HYPERLINK("http://...")} must not become a link in the analyst's sheet. Numbers
     * and phone numbers ({@code -5}, {@code +44 7700 900123}: signs, digits, spaces, dots, parentheses and
     * hyphens alone) cannot call anything and are kept as they are.
     */
    static String forSpreadsheet(String text) {
        String clean = forXmlOrCsv(text);
        if (clean == null || clean.isEmpty() || FORMULA_START.indexOf(clean.charAt(0)) < 0 || PLAIN_NUMBER.matcher(clean).matches()) {
            return clean;
        }
        return "'" + clean;
    }

    /** For JSON, whose strings escape every control character: no half of a surrogate pair. */
    static String forJson(String text) {
        return replaced(text, false);
    }

    /** A property value for JSON: strings made whole, lists element by element, anything else as it is. */
    static Object forJson(Object value) {
        if (value instanceof String s) {
            return forJson(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExportText::forJson).toList();
        }
        return value;
    }

    private static String replaced(String text, boolean xml) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean refused = !pair && (Character.isSurrogate(c) || (xml && !allowedInXml(c)));
            if (refused && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                clean.append(refused ? REPLACEMENT : c);
                if (pair) {
                    clean.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return clean == null ? text : clean.toString();
    }

    /** XML 1.0's Char production, for one UTF-16 unit that is not a surrogate. */
    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

}
