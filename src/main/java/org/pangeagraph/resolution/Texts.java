package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

    /**
     * Words already transliterated and their phonetic codes: names repeat (a hundred thousand people have
     * far fewer names), and ICU's transliteration of a word of another script takes a few hundred
     * microseconds, a word's codes a few dozen.
     */
    private static final Cache<String, Object> CACHE = Caffeine.newBuilder().maximumSize(200_000).build();

    /** A word of a name with its phonetic codes, computed once. */
    record Word(String text, String metaphone, Set<String> metaphones, Set<String> daitchMokotoff) {

        /**
         * Whether two words sound alike: the same primary Double Metaphone code, or a Daitch-Mokotoff code in
         * common, and spelled alike enough (Jaro-Winkler 0.75) that the codes of two short names ("jan",
         * "john") do not make them one.
         */
        boolean soundsLike(Word other) {
            if (jaroWinkler(this.text, other.text) < 0.75) {
                return false;
            }
            return (!this.metaphone.isEmpty() && this.metaphone.equals(other.metaphone))
                    || intersect(this.daitchMokotoff, other.daitchMokotoff);
        }

    }

    /** The word with its codes, from the cache when it was seen before. */
    static Word word(String text) {
        return (Word) CACHE.get("w:" + text, k -> {
            String primary = METAPHONE.get().doubleMetaphone(text);
            return new Word(text, primary == null ? "" : primary, metaphones(text), daitchMokotoff(text));
        });
    }

    /** Latin ASCII, lower case, spaces folded. */
    static String latin(String text) {
        if (text == null) {
            return "";
        }
        String ascii = text.chars().allMatch(c -> c < 128) ? text : (String) CACHE.get("t:" + text, k -> LATIN.get().transliterate(text));
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
        // Three rows of the table: the one before the last, the last, and this one.
        int[] before = new int[b.length() + 1];
        int[] last = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            last[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    row[j] = Math.min(row[j], before[j - 2] + 1);
                }
            }
            int[] spare = before;
            before = last;
            last = row;
            row = spare;
        }
        return last[b.length()];
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

    static boolean intersect(Set<String> a, Set<String> b) {
        for (String code : a) {
            if (b.contains(code)) {
                return true;
            }
        }
        return false;
    }

}
