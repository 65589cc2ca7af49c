package org.pangeagraph.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The words of a search, the patterns that find every word one typo away, and the score of a match,
 * which depends on the entity's own text only.
 */
class SearchTermsTests {

    @Test
    void wordsAreCutAsTheIndexCutsThem() {
        assertThat(SearchTerms.words("Carla Fictitious Holdings Ltd")).containsExactly("carla", "fictitious", "holdings", "ltd");
        assertThat(SearchTerms.words("maple-leaf-pharmacy.example")).containsExactly("maple", "leaf", "pharmacy.example");
        assertThat(SearchTerms.words("carla.fictitious@mailbox.example")).containsExactly("carla.fictitious", "mailbox.example");
        assertThat(SearchTerms.words("+44 20 7946 0321")).containsExactly("44", "20", "7946", "0321");
        assertThat(SearchTerms.words("203.0.113.10")).containsExactly("203.0.113.10");
        assertThat(SearchTerms.words("O'Brien & Söhne")).containsExactly("o'brien", "söhne");
        assertThat(SearchTerms.words("北京 药房")).containsExactly("北", "京", "药", "房");
    }

    @Test
    void onlyWordsOfFourLettersOrMoreTolerateATypo() {
        assertThat(SearchTerms.typoTolerant("viktr")).isTrue();
        assertThat(SearchTerms.typoTolerant("bob")).isFalse();
        assertThat(SearchTerms.typoTolerant("rr123456789gb")).as("a character off in an identifier is another identifier")
            .isFalse();
    }

    @Test
    void oneEditApartCountsAddedMissingChangedAndSwappedLetters() {
        assertThat(SearchTerms.oneEditApart("viktr", "viktor")).isTrue();
        assertThat(SearchTerms.oneEditApart("viktor", "viktr")).isTrue();
        assertThat(SearchTerms.oneEditApart("exmple", "example")).isTrue();
        assertThat(SearchTerms.oneEditApart("sample", "simple")).isTrue();
        assertThat(SearchTerms.oneEditApart("fictitous", "fictitious")).isTrue();
        assertThat(SearchTerms.oneEditApart("marta", "mrata")).isTrue();
        assertThat(SearchTerms.oneEditApart("marta", "marta")).as("the same word is no edit apart").isFalse();
        assertThat(SearchTerms.oneEditApart("marta", "martina")).isFalse();
        assertThat(SearchTerms.oneEditApart("marta", "mtraa")).isFalse();
    }

    /**
     * Every word one edit away from a word matches one of its patterns, and a word two edits away is
     * never scored as a typo: checked against every one-edit variant of random words, the patterns read
     * as Lucene reads wildcards.
     */
    @Test
    void thePatternsFindEveryWordOneEditAway() {
        long seed = Long.getLong("search.seed", 20091116L);
        Random random = new Random(seed);
        for (int n = 0; n < 200; n++) {
            String word = randomWord(random, 4 + random.nextInt(9));
            List<Pattern> patterns = SearchTerms.typoPatterns(word).stream().map(SearchTermsTests::wildcard).toList();
            for (String variant : oneEditVariants(word)) {
                assertThat(patterns.stream().anyMatch(p -> p.matcher(variant).matches()))
                    .as("seed %d: %s, one edit from %s, matches a pattern %s", seed, variant, word, SearchTerms.typoPatterns(word))
                    .isTrue();
                assertThat(SearchTerms.oneEditApart(word, variant) || variant.equals(word)).as("seed %d: %s / %s", seed, word, variant)
                    .isTrue();
            }
        }
    }

    @Test
    void aMatchScoresTwoForAWordAsTypedAndOneForAWordATypoAway() {
        List<String> words = List.of("marta", "exmple");

        assertThat(SearchTerms.score(words, Map.of("name", "Marta Example")))
            .isEqualTo(new SearchTerms.Score(3, 2));
        assertThat(SearchTerms.score(words, Map.of("name", "Marta Exmple Trading Ltd"))).isEqualTo(new SearchTerms.Score(4, 4));
        assertThat(SearchTerms.score(words, Map.of("domain", "exmple.example", "name", "Other")))
            .as("a typo counts in names, titles and address text only").isEqualTo(new SearchTerms.Score(0, 2));
        assertThat(SearchTerms.score(words, Map.of("name", "Nobody", "cases", List.of("CASE-A")))).isEqualTo(new SearchTerms.Score(0, 1));
    }

    @Test
    void theIndexedPropertiesAreThoseOfTheIndex() throws IOException {
        String script = Files.readString(Path.of("cypher/schema/V003__fulltext_search.cypher"), StandardCharsets.UTF_8);
        List<String> indexed = new ArrayList<>();
        java.util.regex.Matcher m = Pattern.compile("n\\.(\\w+)").matcher(script.substring(script.indexOf("ON EACH")));
        while (m.find()) {
            indexed.add(m.group(1));
        }
        assertThat(SearchTerms.INDEXED).containsExactlyElementsOf(indexed);
        assertThat(indexed).containsAll(SearchTerms.TYPO_TOLERANT);
    }

    @Test
    void aQueryStaysWithinLuceneClauseLimit() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < SearchTerms.MAX_WORDS; i++) {
            words.add("abcdefghijklmnopqrstuvwxyz".substring(i % 5, 20));
        }
        // A word without a property is searched in every indexed property.
        long leaves = java.util.Arrays.stream(SearchTerms.luceneQuery(words).split(" "))
            .mapToLong(clause -> clause.matches("\\w+:.*") ? 1 : SearchTerms.INDEXED.size()).sum();
        assertThat(leaves).isLessThanOrEqualTo(SearchTerms.MAX_CLAUSES).isGreaterThan(SearchTerms.MAX_WORDS * 11);
        assertThat(SearchTerms.luceneQuery(List.of("co-op", "a:b"))).isEqualTo("co\\-op a\\:b");
    }

    private static String randomWord(Random random, int length) {
        String letters = "aeiostrnlkmbé";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static Set<String> oneEditVariants(String word) {
        Set<String> variants = new LinkedHashSet<>();
        String alphabet = "aeioustrxé";
        for (int i = 0; i <= word.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                variants.add(word.substring(0, i) + c + word.substring(i));
                if (i < word.length()) {
                    variants.add(word.substring(0, i) + c + word.substring(i + 1));
                }
            }
            if (i < word.length()) {
                variants.add(word.substring(0, i) + word.substring(i + 1));
            }
            if (i + 1 < word.length()) {
                variants.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
            }
        }
        return variants;
    }

    /** A Lucene wildcard pattern as a Java regex: {@code ?} one character, {@code *} any, backslash escapes. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            }
            else if (c == '?') {
                regex.append('.');
            }
            else if (c == '*') {
                regex.append(".*");
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

}
