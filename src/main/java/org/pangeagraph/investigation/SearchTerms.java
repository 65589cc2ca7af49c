package org.pangeagraph.investigation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a search and how well an entity matches them, from the entity's own text alone.
 *
 * <p>The fulltext index only finds the candidates: every entity holding one of the words as typed
 * or, in a name, title or address text, one typo away from it. Lucene's own scores are not used: they
 * weigh a word by how rare it is among all indexed entities, those of cases the caller may not see
 * included, so that hidden entities would move visible hits up or down. Nor is Lucene's fuzzy query:
 * it keeps only the fifty indexed words nearest the typed one, and hidden entities could take those
 * places. The candidates are found by wildcard patterns, which keep every indexed word they match,
 * and scored here: two points for each word of the search the entity holds as typed, one for a word it
 * holds one edit away (a letter added, left out, changed, or two swapped) in a name, title or address.
 */
final class SearchTerms {

    /**
     * The properties of the fulltext index {@code entity_search} (cypher/schema/V003__fulltext_search.cypher),
     * which Lucene's query parser searches by default.
     */
    static final List<String> INDEXED = List.of("domain", "name", "address", "number", "identifier", "trackingNumber", "text",
            "code", "title", "acronym", "key");

    /** The properties where a word may be one typo away: names, titles and address text. */
    static final List<String> TYPO_TOLERANT = List.of("name", "title", "text");

    /** Words of fewer letters than this are matched as typed only: one edit turns a short word into another. */
    static final int TYPO_MIN_LENGTH = 4;

    /** The most words a search looks for. */
    static final int MAX_WORDS = 20;

    /**
     * The most clauses a query may have once the query parser has made one of each word for each
     * indexed property: Lucene refuses more than 1,024. Words whose typo patterns would pass this are
     * looked for as typed only (the first words of the text keep theirs).
     */
    static final int MAX_CLAUSES = 1_000;

    /** Characters with a meaning in Lucene's query syntax, escaped in the caller's words. */
    private static final String LUCENE_SPECIAL = "+-&|!(){}[]^\"~*?:\\/ ";

    private SearchTerms() {
    }

    /**
     * The words of a text as the index's analyzer (Lucene's standard tokenizer, lower case) cuts them:
     * at spaces and punctuation, but not at a dot or an apostrophe inside a word ({@code pharmacy.example},
     * {@code 203.0.113.10}, {@code o'brien}); every ideograph a word of its own.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        BreakIterator boundaries = BreakIterator.getWordInstance(Locale.ROOT);
        boundaries.setText(text);
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            // The JDK keeps hyphenated words together; the index's tokenizer does not.
            for (String part : text.substring(start, end).split("-")) {
                addWord(words, part.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static void addWord(List<String> words, String part) {
        if (part.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        if (part.codePoints().anyMatch(SearchTerms::ideograph)) {
            part.codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> words.add(new String(Character.toChars(c))));
            return;
        }
        words.add(part);
    }

    private static boolean ideograph(int codePoint) {
        return Character.isIdeographic(codePoint);
    }

    /** Whether a word is looked for one typo away too: a word of letters only, long enough. */
    static boolean typoTolerant(String word) {
        return word.codePointCount(0, word.length()) >= TYPO_MIN_LENGTH && word.codePoints().allMatch(Character::isLetter);
    }

    /**
     * The Lucene query finding the candidates: each word as typed in every indexed property, and for a
     * word that tolerates a typo, patterns in the typo-tolerant properties that every word one edit away
     * matches (and some more, which {@link #score} leaves out).
     */
    static String luceneQuery(List<String> words) {
        List<String> clauses = new ArrayList<>();
        for (String word : words) {
            clauses.add(escape(word));
        }
        int leaves = clauses.size() * INDEXED.size();
        for (String word : words) {
            if (!typoTolerant(word)) {
                continue;
            }
            List<String> patterns = typoPatterns(word);
            leaves += patterns.size() * TYPO_TOLERANT.size();
            if (leaves > MAX_CLAUSES) {
                break;
            }
            for (String property : TYPO_TOLERANT) {
                for (String pattern : patterns) {
                    clauses.add(property + ":" + pattern);
                }
            }
        }
        return String.join(" ", clauses);
    }

    /**
     * Wildcard patterns that together match every word one edit away from {@code word}, and few more:
     * for each letter, the word without it, with another letter in its place ({@code ?}), with two
     * letters in its place (a letter added before or after it), and with it and the next replaced by two
     * (the two swapped); and a letter added at either end. Each pattern has the length of its matches, so none reaches far.
     * Wildcard patterns keep every indexed word they match (unlike Lucene's fuzzy query), and build in
     * microseconds; {@link #oneEditApart} then keeps the words one edit away.
     */
    static List<String> typoPatterns(String word) {
        int[] letters = word.codePoints().toArray();
        Set<String> patterns = new LinkedHashSet<>();
        String whole = escape(letters, 0, letters.length);
        patterns.add("?" + whole);
        patterns.add(whole + "?");
        for (int i = 0; i < letters.length; i++) {
            String before = escape(letters, 0, i);
            String after = escape(letters, i + 1, letters.length);
            patterns.add(before + after);
            patterns.add(before + "?" + after);
            patterns.add(before + "??" + after);
            if (i + 1 < letters.length) {
                patterns.add(before + "??" + escape(letters, i + 2, letters.length));
            }
        }
        return List.copyOf(patterns);
    }

    /**
     * How well an entity's indexed text matches the words: two points for each word it holds as typed
     * (in any indexed property), one for each it holds one edit away in a typo-tolerant property, zero
     * if it holds none. A function of the entity and the words alone.
     *
     * @return the score, and how many words the entity's indexed text has
     */
    static Score score(List<String> words, Map<String, Object> properties) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> tolerant = new LinkedHashSet<>();
        int length = 0;
        for (String property : INDEXED) {
            if (!(properties.get(property) instanceof String text)) {
                continue;
            }
            List<String> own = words(text);
            length += own.size();
            all.addAll(own);
            if (TYPO_TOLERANT.contains(property)) {
                tolerant.addAll(own);
            }
        }
        int points = 0;
        for (String word : words) {
            if (all.contains(word)) {
                points += 2;
            }
            else if (typoTolerant(word) && tolerant.stream().anyMatch(w -> oneEditApart(word, w))) {
                points += 1;
            }
        }
        return new Score(points, length);
    }

    /** A fulltext match's points and the number of words of the entity's indexed text. */
    record Score(int points, int length) {
    }

    /**
     * Whether two words are exactly one edit apart: one letter left out, added, changed, or two
     * neighbouring letters swapped (the optimal string alignment distance is 1).
     */
    static boolean oneEditApart(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > 1 || java.util.Arrays.equals(x, y)) {
            return false;
        }
        int prefix = 0;
        while (prefix < x.length && prefix < y.length && x[prefix] == y[prefix]) {
            prefix++;
        }
        if (x.length == y.length) {
            // Changed at prefix, or prefix and prefix + 1 swapped.
            boolean rest = tailEquals(x, prefix + 1, y, prefix + 1);
            boolean swapped = prefix + 1 < x.length && x[prefix] == y[prefix + 1] && x[prefix + 1] == y[prefix]
                    && tailEquals(x, prefix + 2, y, prefix + 2);
            return rest || swapped;
        }
        int[] longer = x.length > y.length ? x : y;
        int[] shorter = longer == x ? y : x;
        return tailEquals(longer, prefix + 1, shorter, prefix);
    }

    private static boolean tailEquals(int[] a, int from, int[] b, int fromB) {
        if (a.length - from != b.length - fromB) {
            return false;
        }
        for (int i = 0; i < a.length - from; i++) {
            if (a[from + i] != b[fromB + i]) {
                return false;
            }
        }
        return true;
    }

    private static String escape(int[] letters, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(escape(new String(Character.toChars(letters[i]))));
        }
        return out.toString();
    }

    static String escape(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (LUCENE_SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

}
