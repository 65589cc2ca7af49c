package org.pangeagraph.model;

/**
 * What text the graph takes at all, before any rule of a field: no control character (a tab and a line
 * break only in free text, such as an address or a description), no bidirectional override or isolate
 * (U+202A-U+202E, U+2066-U+2069: they make "moc.elpmaxe" read as "example.com"), no half of a surrogate
 * pair. Such a value is refused, never cleaned: what is stored is what was sent.
 */
public final class TextRule {

    private TextRule() {
    }

    /**
     * Refuses {@code value} if it holds a character the graph does not take.
     *
     * @param field the input field, as a path into the request ({@code input.name}, {@code input.cases[0]})
     * @param freeText whether the field is free text, where a tab and a line break are allowed
     * @throws InvalidInputException naming the field, the character and where it stands
     */
    public static void check(String field, String value, boolean freeText) {
        int refused = firstRefused(value, freeText);
        if (refused >= 0) {
            throw new InvalidInputException(field, "holds " + describe(value, refused) + " at position " + (refused + 1)
                    + "; control characters" + (freeText ? " other than tab and line break" : "")
                    + ", bidirectional overrides and broken surrogate pairs are not taken");
        }
    }

    /** Whether {@code value} holds nothing {@link #check} refuses. */
    public static boolean accepts(String value, boolean freeText) {
        return firstRefused(value, freeText) < 0;
    }

    /** The index of the first character refused, or -1. */
    static int firstRefused(String value, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || isBidiControl(c) || (Character.isISOControl(c) && !(freeText && (c == '\t' || c == '\n')))) {
                return i;
            }
        }
        return -1;
    }

    /** Bidirectional embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String describe(String value, int index) {
        char c = value.charAt(index);
        String code = String.format("U+%04X", (int) c);
        if (Character.isSurrogate(c)) {
            return "half of a surrogate pair (" + code + ")";
        }
        return (isBidiControl(c) ? "the bidirectional control " : "the control character ") + code;
    }

}
