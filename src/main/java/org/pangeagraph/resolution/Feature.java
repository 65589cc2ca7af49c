package org.pangeagraph.resolution;

import java.util.List;

/**
 * One piece of evidence on whether two entities are one, as an investigator reads it: what was
 * compared, how alike the values were, how much that moved the score, and the values themselves.
 *
 * @param name what matched or clashed, e.g. {@code NAME}, {@code BIRTH_DATE}, {@code SKELETON}
 * @param score how alike the compared values are, from 0 (nothing alike) to 1 (equal)
 * @param weight how much the feature moves the pair's score, in log-odds: positive for, negative against
 * @param detail the values compared, in words ("birth years 1972 vs 1975", "skeleton equal: rx-pharrna24")
 * @param itemIds the entities the evidence runs through (a shared IBAN, a shared registrant), if any
 */
public record Feature(String name, double score, double weight, String detail, List<String> itemIds) {

    public Feature {
        itemIds = List.copyOf(itemIds);
    }

    static Feature of(String name, double score, double weight, String detail) {
        return new Feature(name, score, weight, detail, List.of());
    }

    /** A value both entities have: equal speaks for the pair with {@code equalWeight}, different against it with {@code otherWeight}. */
    static Feature agreement(String name, boolean equal, double equalWeight, double otherWeight, String ifEqual, String ifOther) {
        return equal ? of(name, 1, equalWeight, ifEqual) : of(name, 0, otherWeight, ifOther);
    }

    /**
     * The weight of a name's similarity: {@code slope} log-odds per unit above {@code pivot} (below it,
     * against), between -4 and 3.
     */
    static double nameWeight(double similarity, double slope, double pivot) {
        return Math.max(-4, Math.min(3, slope * (similarity - pivot)));
    }

    /** How alike two names in one written form are: 1 when equal, else Jaro-Winkler. */
    static Feature names(String name, String a, String b, String writtenA, String writtenB) {
        double similarity = a.equals(b) ? 1 : Texts.jaroWinkler(a, b);
        return of(name, similarity, nameWeight(similarity, 15, 0.85), "'" + writtenA + "' vs '" + writtenB + "': '" + a + "' vs '" + b
                + "' " + Texts.round(similarity));
    }

    /**
     * Whether the feature speaks for the pair (and so names it in the match key): a positive weight, or
     * a key collision, which weighs nothing because it makes the pair certain by itself.
     */
    boolean matched() {
        return this.weight > 0 || Scored.KEY_COLLISION.equals(this.name);
    }

}
