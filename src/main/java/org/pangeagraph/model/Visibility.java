package org.pangeagraph.model;

import java.util.List;
import java.util.Map;

/**
 * What the caller may see (need-to-know): a fact with no case is visible to every signed-in user; a
 * fact tagged with cases only to members of one of them; {@link #everything()} for administrators
 * and the application itself. Every read statement takes the parameters {@code $seeAll} and
 * {@code $caller}, a map holding {@code myCases}, and filters with the predicates below. The cases are in a
 * map because Neo4j's plan cache keys a statement on its text and the types of its parameters: an empty
 * list and a list of strings are two types, so a reader of no case and a reader of some would each cost
 * every statement a plan; a map's entries are not part of the key. {@code $seeAll} stays a parameter of its
 * own: a boolean is always one type, and it is tested on every row, where a map's entry costs a lookup.
 *
 * @param all whether every fact is visible
 * @param cases the case numbers the caller is a member of
 */
public record Visibility(boolean all, List<String> cases) {

    public Visibility {
        cases = List.copyOf(cases);
    }

    public static Visibility everything() {
        return new Visibility(true, List.of());
    }

    public static Visibility ofCases(List<String> cases) {
        return new Visibility(false, cases);
    }

    /** The parameters the predicates read. */
    public Map<String, Object> parameters() {
        return Map.of("seeAll", this.all, "caller", Map.of("myCases", this.cases));
    }

    /** Whether a fact tagged with these cases is visible. */
    public boolean sees(List<String> factCases) {
        return this.all || factCases == null || factCases.isEmpty() || factCases.stream().anyMatch(this.cases::contains);
    }

    /**
     * The case numbers of a visible fact that the caller may know of: their own. That a fact they
     * see also belongs to another case tells them the other case exists and what it looks into.
     */
    public List<String> casesShown(Object factCases) {
        if (!(factCases instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).filter(c -> this.all || this.cases.contains(c)).toList();
    }

    /** Stored properties with {@code cases} cut to {@link #casesShown}. */
    public Map<String, Object> shown(Map<String, Object> properties) {
        if (this.all || !properties.containsKey("cases")) {
            return properties;
        }
        Map<String, Object> shown = new java.util.LinkedHashMap<>(properties);
        shown.put("cases", casesShown(properties.get("cases")));
        return java.util.Collections.unmodifiableMap(shown);
    }

    /**
     * The Cypher predicate that a node or relationship bound to {@code variable} is visible. The
     * variable name comes from the query text, never from input.
     */
    public static String visible(String variable) {
        return "($seeAll OR coalesce(size(" + variable + ".cases), 0) = 0 OR any(c IN " + variable
                + ".cases WHERE c IN $caller.myCases))";
    }

    /**
     * The Cypher predicate that a relationship bound to {@code variable} held on {@code $asOf}
     * (inclusive bounds, open ends open), or always when {@code $asOf} is null.
     */
    public static String validOn(String variable) {
        return validOn(variable, "asOf");
    }

    /**
     * The Cypher predicate that a relationship bound to {@code variable} held on the day in the parameter
     * {@code parameter}, or always when it is null (for a statement with a day for each of its links). Both
     * names come from the query text, never from input.
     */
    public static String validOn(String variable, String parameter) {
        String day = "$" + parameter;
        return "(" + day + " IS NULL OR ((" + variable + ".validFrom IS NULL OR " + variable + ".validFrom <= " + day
                + ") AND (" + variable + ".validTo IS NULL OR " + variable + ".validTo >= " + day + ")))";
    }

}
