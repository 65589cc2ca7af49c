package org.pangeagraph.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Cypher statement written out whole, in one text block, with named parts where Cypher takes no
 * parameter: relationship types, labels, hop bounds, limits and path selectors. Values always go in
 * parameters ({@code $name}); the parts here are the rest, and come only from the model's enums and from
 * validated numbers, never from text.
 *
 * <p>Two kinds of named parts:
 * <ul>
 * <li>The visibility fragments {@code visible(x)} (need-to-know: {@link Visibility#visible}),
 * {@code validOn(r)} (the link held on {@code $asOf}: {@link Visibility#validOn}; {@code validOn(r, $day)} on
 * the day in {@code $day}, or in an entry of a map parameter: {@code validOn(r, $levels.asOf1)}), {@code writable(x)}
 * (the caller may change it: {@link #writable}), {@code standing(j)} (a judgement not retracted:
 * {@link JudgementType#standing}) and {@code visibleFacts(a)} (every fact a record of facts shows is one the
 * caller sees: {@link #visibleFacts}), written in the text as if they were Cypher functions of a
 * variable (which may end in a slot: {@code visible(r{{level}})}). They are expanded when the template is
 * made.</li>
 * <li>Slots {@code {{name}}}, each a component of a record that names and types them. A statement is
 * the template's text with the record's values put in: {@code MATCH (a)-[r:{{types}}]-(b)} with
 * {@code record Parts(List<RelationshipType> types)}.</li>
 * </ul>
 *
 * <p>Everything that can be wrong with a template is found when it is made, that is when its class is
 * loaded, at start-up (and {@code CypherTemplateTests} loads every class that makes one): a slot of the
 * text that the record lacks, a component of the record that the text does not use, a component of a type
 * other than those below, a number without its bounds. A slot cannot be left unfilled: a record has all
 * its components. The types a slot may take:
 * <ul>
 * <li>{@link RelationshipType}, or a {@code List} of them: the type, or the alternation {@code A|B}
 * (each type once, in the list's order; never empty);</li>
 * <li>{@link JudgementType}, or a {@code List} of them: the same, for the judgements' types;</li>
 * <li>{@link NodeKind}, or a {@code Set} of them: the label, or the label alternation (in alphabetical
 * order); {@code {{kind.key}}} is the kind's key property, {@code {{kind.input}}} the property its key is
 * written in, {@code {{kind.sort}}} the property its lists are sorted by;</li>
 * <li>{@link PropertySpec}: the property's name;</li>
 * <li>{@code int} marked {@link Bounded}: the number, checked against its bounds on every use;</li>
 * <li>{@link PathSelector}: {@code SHORTEST k}, {@code SHORTEST k GROUPS} or {@code ALL SHORTEST};</li>
 * <li>a {@code List} of {@link Fragment}s, parts written by other templates: one after the other;</li>
 * <li>an enum that implements {@link Keyword}: the constant text of its value.</li>
 * </ul>
 * The same values give the same text, so that Neo4j's plan cache, which is keyed on the text, sees one
 * statement.
 *
 * @param <S> the record whose components are the slots
 */
public final class CypherTemplate<S extends Record> {

    /**
     * The predicate {@code writable(x)}: the caller may change the node or relationship bound to {@code x}
     * ({@code $seeAll}, or every case it carries is in {@code $writable}).
     */
    public static String writable(String variable) {
        return "($seeAll OR all(c IN coalesce(" + variable + ".cases, []) WHERE c IN $writable))";
    }

    /**
     * The predicate {@code visibleFacts(x)}: every fact that the node bound to {@code x} shows (an alert, say)
     * is one the caller sees, as the facts were when it was written and as they are now. {@code x.factCases}
     * holds an entry for each set of cases its facts were of (facts of no case, which everyone sees, have
     * none), the cases joined by {@code $separator}: the caller sees the facts of a set when it shares one of
     * its cases ({@code $caller.myCases}), or sees all ({@code $seeAll}). {@code x.factIds} holds the ids of
     * the entities it names and {@code x.factLinks} its links, each as the id of its start and its own id
     * joined by {@code $separator}: none of them may since have been put in a case the caller is not in (a
     * fact deleted since hides nothing).
     */
    public static String visibleFacts(String variable) {
        return "(all(s IN coalesce(" + variable + ".factCases, []) WHERE $seeAll OR any(c IN split(s, $separator) WHERE c IN $caller.myCases))"
                + " AND ($seeAll OR (NOT EXISTS { MATCH (shownEntity:Entity) WHERE shownEntity.id IN coalesce(" + variable + ".factIds, [])"
                + " AND NOT " + Visibility.visible("shownEntity") + " }"
                + " AND NOT EXISTS { UNWIND coalesce(" + variable + ".factLinks, []) AS shownLink"
                + " MATCH (:Entity {id: split(shownLink, $separator)[0]})-[shownFact]-() WHERE shownFact.id = split(shownLink, $separator)[1]"
                + " AND NOT " + Visibility.visible("shownFact") + " })))";
    }

    /** A variable of the text: a name, which may end in a slot ({@code r{{level}}}). */
    private static final String VARIABLE = "[A-Za-z_][A-Za-z0-9_]*(?:\\{\\{[A-Za-z_][A-Za-z0-9_]*}})?";

    private static final Pattern FRAGMENT = Pattern.compile("(?<![\\w.$])(visibleFacts|visible|validOn|writable|standing)\\((" + VARIABLE + ")(?:, \\$("
            + "(?:[A-Za-z_][A-Za-z0-9_]*\\.)?" + VARIABLE + "))?\\)");

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\.(key|input|sort))?}}");

    private final Class<S> slots;

    /** The text between the slots: one more than {@link #parts}. */
    private final List<String> literals;

    private final List<Part> parts;

    private CypherTemplate(Class<S> slots, List<String> literals, List<Part> parts) {
        this.slots = slots;
        this.literals = literals;
        this.parts = parts;
    }

    /**
     * A statement without slots, its visibility fragments expanded.
     *
     * @throws IllegalArgumentException if the text has a slot
     */
    public static String statement(String text) {
        String expanded = expand(text);
        Matcher slot = SLOT.matcher(expanded);
        if (slot.find()) {
            throw new IllegalArgumentException("Slot {{" + slot.group(1) + "}} in a statement without slots; name and type it"
                    + " in a record: CypherTemplate.of(Parts.class, text)");
        }
        return expanded;
    }

    /**
     * Fixed text, its visibility fragments expanded, as a fragment for another template's
     * {@code List<Fragment>} slot.
     *
     * @throws IllegalArgumentException if the text has a slot
     */
    public static Fragment constant(String text) {
        return new Fragment(statement(text));
    }

    /**
     * A template whose slots are the components of {@code slots}.
     *
     * @throws IllegalArgumentException if the text and the record do not agree, or a component has a type
     * a slot may not take
     */
    public static <S extends Record> CypherTemplate<S> of(Class<S> slots, String text) {
        String expanded = expand(text);
        Map<String, RecordComponent> components = new java.util.LinkedHashMap<>();
        for (RecordComponent component : slots.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        List<String> literals = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        Matcher slot = SLOT.matcher(expanded);
        int from = 0;
        while (slot.find()) {
            String name = slot.group(1);
            RecordComponent component = components.get(name);
            if (component == null) {
                throw new IllegalArgumentException("Slot {{" + name + "}} is not a component of " + slots.getName()
                        + " " + components.keySet());
            }
            literals.add(expanded.substring(from, slot.start()));
            parts.add(part(slots, component, slot.group(2)));
            used.add(name);
            from = slot.end();
        }
        literals.add(expanded.substring(from));
        Set<String> unused = new TreeSet<>(components.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("Components of " + slots.getName() + " without a slot in the text: " + unused);
        }
        return new CypherTemplate<>(slots, List.copyOf(literals), List.copyOf(parts));
    }

    /** The statement with {@code values} in its slots. */
    public String text(S values) {
        if (values.getClass() != this.slots) {
            throw new IllegalArgumentException(values.getClass().getName() + " is not " + this.slots.getName());
        }
        StringBuilder text = new StringBuilder(this.literals.get(0));
        for (int i = 0; i < this.parts.size(); i++) {
            text.append(this.parts.get(i).render(values)).append(this.literals.get(i + 1));
        }
        return text.toString();
    }

    /**
     * A part of a statement written by this template with {@code values}, to be repeated in another
     * template's {@code List<Fragment>} slot (a branch of a UNION for each of some types, say).
     */
    public Fragment fragment(S values) {
        return new Fragment(text(values));
    }

    /** {@code text} with its visibility fragments expanded. */
    private static String expand(String text) {
        return FRAGMENT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
            case "visible" -> Visibility.visible(m.group(2));
            case "validOn" -> m.group(3) == null ? Visibility.validOn(m.group(2)) : Visibility.validOn(m.group(2), m.group(3));
            case "standing" -> JudgementType.standing(m.group(2));
            case "visibleFacts" -> visibleFacts(m.group(2));
            default -> writable(m.group(2));
        }));
    }

    /** The part for a component; {@code property} is {@code key}, {@code input} or {@code sort} for a kind's property, else null. */
    private static Part part(Class<?> slots, RecordComponent component, String property) {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        Function<Object, String> render;
        if (property != null) {
            if (component.getType() != NodeKind.class) {
                throw new IllegalArgumentException("{{" + component.getName() + "." + property + "}}: only a NodeKind has a "
                        + property + " property");
            }
            render = value -> kindProperty((NodeKind) value, property);
        }
        else {
            render = renderer(slots, component);
        }
        return new Part(component.getName(), accessor, render);
    }

    private static String kindProperty(NodeKind kind, String property) {
        if (!kind.hasKey() && !property.equals("sort")) {
            throw new IllegalArgumentException(kind + " has no " + property + " property");
        }
        return switch (property) {
            case "key" -> kind.keyProperty();
            case "input" -> kind.keyInput();
            default -> kind.sortProperty();
        };
    }

    /** How a component's value becomes Cypher text; only the types a slot may take have one. */
    private static Function<Object, String> renderer(Class<?> slots, RecordComponent component) {
        Class<?> type = component.getType();
        String where = slots.getName() + "." + component.getName();
        if (type == RelationshipType.class) {
            return value -> ((RelationshipType) value).cypherName();
        }
        if (type == JudgementType.class) {
            return value -> ((JudgementType) value).cypherName();
        }
        if (type == NodeKind.class) {
            return value -> ((NodeKind) value).label();
        }
        if (type == PropertySpec.class) {
            return value -> ((PropertySpec) value).name();
        }
        if (type == PathSelector.class) {
            return value -> ((PathSelector) value).cypher();
        }
        if (type.isEnum() && Keyword.class.isAssignableFrom(type)) {
            return value -> ((Keyword) value).cypher();
        }
        if (type == int.class) {
            Bounded bounds = component.getAnnotation(Bounded.class);
            if (bounds == null) {
                throw new IllegalArgumentException(where + " is a number without @Bounded(min, max)");
            }
            return value -> {
                int number = (Integer) value;
                if (number < bounds.min() || number > bounds.max()) {
                    throw new IllegalArgumentException(where + " is " + number + ", outside " + bounds.min() + ".."
                            + bounds.max());
                }
                return Integer.toString(number);
            };
        }
        Type element = elementType(component.getGenericType());
        if (type == List.class && element == Fragment.class) {
            return value -> ((Collection<?>) value).stream().map(f -> ((Fragment) f).text).collect(Collectors.joining());
        }
        if (type == List.class && element == RelationshipType.class) {
            return value -> alternation(where, ((Collection<?>) value).stream()
                .map(t -> ((RelationshipType) t).cypherName()).distinct().toList());
        }
        if (type == List.class && element == JudgementType.class) {
            return value -> alternation(where, ((Collection<?>) value).stream()
                .map(t -> ((JudgementType) t).cypherName()).distinct().toList());
        }
        if (type == Set.class && element == NodeKind.class) {
            return value -> alternation(where, ((Collection<?>) value).stream().map(k -> ((NodeKind) k).label())
                .sorted().toList());
        }
        throw new IllegalArgumentException(where + " is a " + component.getGenericType().getTypeName()
                + "; a slot takes a RelationshipType, List<RelationshipType>, JudgementType, List<JudgementType>, NodeKind, Set<NodeKind>, PropertySpec, @Bounded int,"
                + " PathSelector, List<CypherTemplate.Fragment> or an enum implementing CypherTemplate.Keyword");
    }

    private static Type elementType(Type generic) {
        return generic instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
                ? parameterized.getActualTypeArguments()[0] : null;
    }

    private static String alternation(String where, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        return names.stream().collect(Collectors.joining("|"));
    }

    /** One slot: the component that fills it and how its value is written. */
    private record Part(String name, Method accessor, Function<Object, String> render) {

        String render(Record values) {
            Object value;
            try {
                value = this.accessor.invoke(values);
            }
            catch (IllegalAccessException | InvocationTargetException ex) {
                throw new IllegalStateException("Cannot read slot " + this.name, ex);
            }
            if (value == null) {
                throw new IllegalArgumentException("Slot {{" + this.name + "}} is null");
            }
            return this.render.apply(value);
        }

    }

    /** The bounds of a number in a slot (a hop bound, a limit), checked whenever the statement is written. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD })
    public @interface Bounded {

        int min() default 0;

        int max();

    }

    /**
     * An enum whose constants stand for fixed Cypher text (a keyword, a clause chosen per value): the text
     * is written in code, one per constant.
     */
    public interface Keyword {

        String cypher();

    }

    /**
     * A part of a statement written by a template ({@link #fragment}), for a slot of type
     * {@code List<Fragment>}: the fragments are written one after the other, in the list's order.
     */
    public static final class Fragment {

        private final String text;

        private Fragment(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return this.text;
        }

    }

    /**
     * A selector of Cypher's shortest-path search: {@code SHORTEST k}, {@code SHORTEST k GROUPS} (every
     * path of the k shortest lengths) or {@code ALL SHORTEST} (every path of the shortest length); k at
     * least 1, and bounded by its caller.
     */
    public static final class PathSelector {

        private static final PathSelector ALL = new PathSelector("ALL SHORTEST");

        private final String cypher;

        private PathSelector(String cypher) {
            this.cypher = cypher;
        }

        /** {@code SHORTEST k}: the k shortest paths. */
        public static PathSelector shortest(int k) {
            return new PathSelector("SHORTEST " + atLeastOne(k));
        }

        /** {@code SHORTEST k GROUPS}: every path of the k shortest lengths. */
        public static PathSelector shortestGroups(int k) {
            return new PathSelector("SHORTEST " + atLeastOne(k) + " GROUPS");
        }

        /** {@code ALL SHORTEST}. */
        public static PathSelector allShortest() {
            return ALL;
        }

        private static int atLeastOne(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("SHORTEST takes at least 1, not " + k);
            }
            return k;
        }

        String cypher() {
            return this.cypher;
        }

        @Override
        public String toString() {
            return this.cypher;
        }

    }

}
