package org.pangeagraph.model;

/**
 * The relationship types that record an investigator's judgement on whether two entities are one:
 * {@code SAME_AS}, {@code NOT_SAME_AS} and {@code UNSURE_SAME_AS}. They stand apart from
 * {@link RelationshipType}: a judgement says something about the graph's entities, not about the
 * world, so no traversal that follows "all types" follows them; only {@code resolve: true} reads
 * {@code SAME_AS}. Their names in Cypher text come from here, never from input.
 */
public enum JudgementType {

    /** The two entities are one (a POSITIVE judgement). */
    SAME_AS,

    /** The two entities are not one (a NEGATIVE judgement). */
    NOT_SAME_AS,

    /** The investigator could not tell (an UNSURE judgement). */
    UNSURE_SAME_AS;

    /** The Neo4j relationship type, which is the constant's name. */
    public String cypherName() {
        return name();
    }

    /**
     * The Cypher predicate that a judgement bound to {@code variable} (its name from query text) stands:
     * not retracted.
     */
    public static String standing(String variable) {
        return variable + ".retractedAt IS NULL";
    }

}
