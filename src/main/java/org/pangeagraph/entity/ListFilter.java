package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Fragment;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.PropertySpec;

/**
 * A list query's filter, compiled to conditions on {@code n}, each a fragment {@code  AND ...} for the
 * {@code {{filters}}} slot of the list's statement, and their parameters. Property names come from the
 * model (the kind's key and {@link PropertySpec}s, matched against the filter's field names); values only
 * ever travel as parameters, each named after its property ({@code $f_status}).
 *
 * @param conditions the conditions, none when nothing is filtered
 * @param parameters the values the conditions read
 */
public record ListFilter(List<Fragment> conditions, Map<String, Object> parameters) {

    private record KindParts(List<Fragment> or, NodeKind kind) {
    }

    private record SpecParts(List<Fragment> or, PropertySpec spec) {
    }

    private record PlacesParts(List<Fragment> places) {
    }

    private record AliasParts(List<Fragment> or) {
    }

    private record Condition(PropertySpec spec) {
    }

    /** Text in any of the places a text filter looks in: the key, what it is written as, names and titles. */
    private static final CypherTemplate<PlacesParts> TEXT = CypherTemplate.of(PlacesParts.class, " AND ({{places}})");

    private static final CypherTemplate<KindParts> TEXT_IN_KEY = CypherTemplate.of(KindParts.class,
            "{{or}}toLower(toString(n.{{kind.key}})) CONTAINS $f_text");

    private static final CypherTemplate<KindParts> TEXT_IN_INPUT = CypherTemplate.of(KindParts.class,
            "{{or}}toLower(toString(n.{{kind.input}})) CONTAINS $f_text");

    private static final CypherTemplate<SpecParts> TEXT_IN = CypherTemplate.of(SpecParts.class,
            "{{or}}toLower(toString(n.{{spec}})) CONTAINS $f_text");

    private static final CypherTemplate<AliasParts> TEXT_IN_ALIASES = CypherTemplate.of(AliasParts.class,
            "{{or}}any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $f_text)");

    /**
     * Only by a case the caller may know of: an entity of their case A that case B also looks at must not
     * be found by B, which would tell them that B exists and what it looks into.
     */
    private static final Fragment IN_CASE = CypherTemplate.constant(" AND $f_case IN coalesce(n.cases, []) AND ($seeAll OR $f_case IN $caller.myCases)");

    private static final CypherTemplate<Condition> ONE_OF = CypherTemplate.of(Condition.class, " AND n.{{spec}} IN $f_{{spec}}");

    private static final CypherTemplate<Condition> ANY_OF = CypherTemplate.of(Condition.class,
            " AND any(v IN coalesce(n.{{spec}}, []) WHERE v IN $f_{{spec}})");

    private static final CypherTemplate<Condition> EQUALS = CypherTemplate.of(Condition.class, " AND n.{{spec}} = $f_{{spec}}");

    private static final CypherTemplate<Condition> FROM = CypherTemplate.of(Condition.class, " AND n.{{spec}} >= $f_{{spec}}_from");

    private static final CypherTemplate<Condition> TO = CypherTemplate.of(Condition.class, " AND n.{{spec}} <= $f_{{spec}}_to");

    /** Compiles the filter argument of a list query for {@code kind}. */
    public static ListFilter of(NodeKind kind, Map<String, Object> filter) {
        List<Fragment> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter == null) {
            return new ListFilter(List.of(), params);
        }
        Object text = filter.get("text");
        if (text instanceof String s && !s.isBlank()) {
            params.put("f_text", KeyFormText.fold(s));
            conditions.add(TEXT.fragment(new PlacesParts(textPlaces(kind))));
        }
        Object caseNumber = filter.get("case");
        if (caseNumber instanceof String s && !s.isBlank()) {
            params.put("f_case", InvalidInputException.check("filter.case", s, KeyForm.CODE));
            conditions.add(IN_CASE);
        }
        for (PropertySpec spec : kind.properties()) {
            Object value = filter.get(spec.name());
            if (value == null || spec.filterable() == PropertySpec.Filter.NONE) {
                continue;
            }
            String param = "f_" + spec.name();
            Condition condition = new Condition(spec);
            switch (spec.filterable()) {
                case ONE_OF, ANY_OF -> {
                    List<?> values = value instanceof List<?> l ? l : List.of(value);
                    params.put(param, values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList());
                    conditions.add((spec.filterable() == PropertySpec.Filter.ONE_OF ? ONE_OF : ANY_OF).fragment(condition));
                }
                case EQUALS -> {
                    params.put(param, value instanceof Enum<?> e ? e.name() : value);
                    conditions.add(EQUALS.fragment(condition));
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
                            conditions.add(FROM.fragment(condition));
                        }
                        if (to != null) {
                            params.put(param + "_to", to);
                            conditions.add(TO.fragment(condition));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new ListFilter(List.copyOf(conditions), params);
    }

    /** The places a text filter looks in: the key, what it is derived from, and names and titles, each once. */
    private static List<Fragment> textPlaces(NodeKind kind) {
        List<Fragment> places = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (kind.hasKey()) {
            seen.add(kind.keyProperty());
            places.add(TEXT_IN_KEY.fragment(new KindParts(List.of(), kind)));
            if (seen.add(kind.keyInput())) {
                places.add(TEXT_IN_INPUT.fragment(new KindParts(List.of(CypherParts.OR), kind)));
            }
        }
        for (String candidate : List.of("name", "title")) {
            Optional<PropertySpec> spec = kind.property(candidate);
            if (spec.isPresent() && seen.add(candidate)) {
                places.add(TEXT_IN.fragment(new SpecParts(CypherParts.before(places.size(), CypherParts.OR), spec.get())));
            }
        }
        if (kind == NodeKind.PERSON) {
            places.add(TEXT_IN_ALIASES.fragment(new AliasParts(CypherParts.before(places.size(), CypherParts.OR))));
        }
        return places;
    }

    private static final class KeyFormText {

        static String fold(String text) {
            return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }

    }

}
