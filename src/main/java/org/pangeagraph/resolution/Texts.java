package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.Transliterator;
import org.apache.commons.codec.language.DaitchMokotoffSoundex;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Text in the forms the scorers compare: transliterated to Latin ASCII (ICU4J, "Иван Петров" is
 * "ivan petrov"), lower case, in tokens without punctuation; phonetic codes (Double Metaphone and
 * Daitch-Mokotoff, commons-codec); Jaro-Winkler similarity and Levenshtein distance (commons-text).
 */
final class Texts {

    /** ICU transliterators are not safe to share between threads: one per thread. */
    private static final ThreadLocal<Transliterator> LATIN = ThreadLocal
        .withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    private static final ThreadLocal<DaitchMokotoffSoundex> DAITCH_MOKOTOFF = ThreadLocal.withInitial(DaitchMokotoffSoundex::new);

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private Texts() {
    }

    /** Latin ASCII, lower case, spaces folded. */
    static String latin(String text) {
        if (text == null) {
            return "";
        }
        String ascii = text.chars().allMatch(c -> c < 128) ? text : LATIN.get().transliterate(text);
        return ascii.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** The words of {@code text} in Latin ASCII, lower case, punctuation dropped ("PETROV, I." is petrov, i). */
    static List<String> tokens(String text) {
        String latin = latin(text).replaceAll("[^a-z0-9]+", " ").strip();
        return latin.isEmpty() ? List.of() : Arrays.asList(latin.split(" "));
    }

    /** The Double Metaphone codes of a word, primary and alternate. */
    static Set<String> metaphones(String word) {
        DoubleMetaphone codec = METAPHONE.get();
        Set<String> codes = new TreeSet<>();
        String primary = codec.doubleMetaphone(word);
        String alternate = codec.doubleMetaphone(word, true);
        if (primary != null && !primary.isEmpty()) {
            codes.add(primary);
        }
        if (alternate != null && !alternate.isEmpty()) {
            codes.add(alternate);
        }
        return codes;
    }

    /** The Daitch-Mokotoff codes of a word (several where its spelling reads more than one way). */
    static Set<String> daitchMokotoff(String word) {
        return new TreeSet<>(Arrays.asList(DAITCH_MOKOTOFF.get().soundex(word).split("\\|")));
    }

    /**
     * Whether two words sound alike: the same primary Double Metaphone code, or a Daitch-Mokotoff code in
     * common, and spelled alike enough (Jaro-Winkler 0.75) that the codes of two short names ("jan",
     * "john") do not make them one.
     */
    static boolean soundAlike(String a, String b) {
        if (jaroWinkler(a, b) < 0.75) {
            return false;
        }
        String primaryA = METAPHONE.get().doubleMetaphone(a);
        return (primaryA != null && !primaryA.isEmpty() && primaryA.equals(METAPHONE.get().doubleMetaphone(b)))
                || intersect(daitchMokotoff(a), daitchMokotoff(b));
    }

    static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    static int levenshtein(String a, String b) {
        return LEVENSHTEIN.apply(a, b);
    }

    /**
     * The edits between two words, a swap of two neighbouring letters counted as one (optimal string
     * alignment distance).
     */
    static int damerau(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code text} with each of its characters left out in turn: two words one edit apart share one of these. */
    static List<String> deletions(String text) {
        List<String> out = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.add(text.substring(0, i) + text.substring(i + 1));
        }
        return out;
    }

    static String round(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static boolean intersect(Set<String> a, Set<String> b) {
        for (String code : a) {
            if (b.contains(code)) {
                return true;
            }
        }
        return false;
    }

}
