package org.pangeagraph.resolution;

import org.pangeagraph.model.JudgementType;

/** An investigator's judgement on whether two entities are one, and the relationship type that stores it. */
enum Verdict {

    POSITIVE(JudgementType.SAME_AS),

    NEGATIVE(JudgementType.NOT_SAME_AS),

    UNSURE(JudgementType.UNSURE_SAME_AS);

    private final JudgementType type;

    Verdict(JudgementType type) {
        this.type = type;
    }

    JudgementType type() {
        return this.type;
    }

    static Verdict of(JudgementType type) {
        for (Verdict verdict : values()) {
            if (verdict.type == type) {
                return verdict;
            }
        }
        throw new IllegalArgumentException(type.name());
    }

    /** Whether the pair is decided, and so no longer proposed. */
    boolean decides() {
        return this != UNSURE;
    }

}
