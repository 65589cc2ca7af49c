package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.PropertySpec;

/**
 * A list query's filter, compiled to a Cypher predicate over {@code n} and its parameters. Property
 * names in the predicate come from the model's property specs, matched against the filter's field
 * names; values only ever travel as parameters.
 *
 * @param predicate the predicate, {@code true} when nothing is filtered
 * @param parameters the values the predicate reads
 */
public record ListFilter(String predicate, Map<String, Object> parameters) {

    /** Compiles the filter argument of a list query for {@code kind}. */
    public static ListFilter of(NodeKind kind, Map<String, Object> filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter == null) {
            return new ListFilter("true", params);
        }
        Object text = filter.get("text");
        if (text instanceof String s && !s.isBlank()) {
            params.put("f_text", KeyFormText.fold(s));
            List<String> any = new ArrayList<>();
            for (String property : textProperties(kind)) {
                any.add("toLower(toString(n." + property + ")) CONTAINS $f_text");
            }
            if (kind == NodeKind.PERSON) {
                any.add("any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $f_text)");
            }
            clauses.add("(" + String.join(" OR ", any) + ")");
        }
        Object caseNumber = filter.get("case");
        if (caseNumber instanceof String s && !s.isBlank()) {
            params.put("f_case", InvalidInputException.check("filter.case", s, KeyForm.CODE));
            // Only by a case the caller may know of: an entity of their case A that case B also looks at
            // must not be found by B, which would tell them that B exists and what it looks into.
            clauses.add("$f_case IN coalesce(n.cases, []) AND ($seeAll OR $f_case IN $myCases)");
        }
        for (PropertySpec spec : kind.properties()) {
            Object value = filter.get(spec.name());
            if (value == null || spec.filterable() == PropertySpec.Filter.NONE) {
                continue;
            }
            String param = "f_" + spec.name();
            String property = "n." + spec.name();
            switch (spec.filterable()) {
                case ONE_OF -> {
                    List<?> values = value instanceof List<?> l ? l : List.of(value);
                    params.put(param, values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList());
                    clauses.add(property + " IN $" + param);
                }
                case ANY_OF -> {
                    List<?> values = value instanceof List<?> l ? l : List.of(value);
                    params.put(param, values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList());
                    clauses.add("any(v IN coalesce(" + property + ", []) WHERE v IN $" + param + ")");
                }
                case EQUALS -> {
                    params.put(param, value instanceof Enum<?> e ? e.name() : value);
                    clauses.add(property + " = $" + param);
                }
                case DATE_RANGE -> {
                    if (value instanceof Map<?, ?> range) {
                        LocalDate from = (LocalDate) range.get("from");
                        LocalDate to = (LocalDate) range.get("to");
                        if (from != null && to != null && to.isBefore(from)) {
                            throw new InvalidInputException("filter." + spec.name() + ".to", "is before 'from'");
                        }
                        if (from != null) {
                            params.put(param + "_from", from);
                            clauses.add(property + " >= $" + param + "_from");
                        }
                        if (to != null) {
                            params.put(param + "_to", to);
                            clauses.add(property + " <= $" + param + "_to");
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new ListFilter(clauses.isEmpty() ? "true" : String.join(" AND ", clauses), params);
    }

    /** The properties a text filter looks in: the key, what it is derived from, and names and titles. */
    static Set<String> textProperties(NodeKind kind) {
        Set<String> properties = new LinkedHashSet<>();
        if (kind.hasKey()) {
            properties.add(kind.keyProperty());
            properties.add(kind.keyInput());
        }
        for (String candidate : List.of("name", "title")) {
            if (kind.property(candidate).isPresent()) {
                properties.add(candidate);
            }
        }
        return properties;
    }

    private static final class KeyFormText {

        static String fold(String text) {
            return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }

    }

}
