package org.pangeagraph.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How big and deep a document is, read from its syntax alone, before it is validated: validating a
 * document of thousands of fields or of fragments spread into each other costs more than running a
 * sensible one. A fragment counts once for every place it is spread; its measure is taken once.
 *
 * @param depth the deepest nesting of fields outside schema introspection (a root field is at depth 1)
 * @param introspectionDepth the deepest nesting of fields under {@code __schema} or {@code __type}
 * @param fields the number of fields selected
 * @param aliases the number of fields selected under an alias
 * @param directives the number of directives used
 * @param repeats the most times one selection set asks for one response key (a field's alias, else its
 * name), counting the fields that fragments spread into it, whatever their type conditions
 * @param repeatedKey that response key, or null when no selection set selects anything
 */
record DocumentShape(long depth, long introspectionDepth, long fields, long aliases, long directives, long repeats,
        String repeatedKey) {

    private static final DocumentShape EMPTY = new DocumentShape(0, 0, 0, 0, 0, 0, null);

    private DocumentShape(long depth, long introspectionDepth, long fields, long aliases, long directives) {
        this(depth, introspectionDepth, fields, aliases, directives, 0, null);
    }

    /** The shape of the largest operation of each measure in the document. */
    static DocumentShape of(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Measurer measurer = new Measurer(fragments);
        DocumentShape shape = EMPTY;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            DocumentShape one = measurer.measure(operation.getSelectionSet());
            shape = new DocumentShape(Math.max(shape.depth, one.depth), Math.max(shape.introspectionDepth, one.introspectionDepth),
                    Math.max(shape.fields, one.fields), Math.max(shape.aliases, one.aliases),
                    Math.max(shape.directives, saturated(one.directives, operation.getDirectives().size())), 0, null)
                .mostRepeated(shape).mostRepeated(one);
        }
        return shape;
    }

    /** Fields, aliases and directives added up; depths, and the most repeated key, the larger of the two. */
    private DocumentShape plus(DocumentShape other) {
        return new DocumentShape(Math.max(this.depth, other.depth), Math.max(this.introspectionDepth, other.introspectionDepth),
                saturated(this.fields, other.fields), saturated(this.aliases, other.aliases),
                saturated(this.directives, other.directives), 0, null).mostRepeated(this).mostRepeated(other);
    }

    /** This shape with the repeated key of {@code other} if that is repeated more often. */
    private DocumentShape mostRepeated(DocumentShape other) {
        return other.repeats > this.repeats ? mostRepeated(other.repeats, other.repeatedKey) : this;
    }

    private DocumentShape mostRepeated(long repeats, String key) {
        return repeats > this.repeats
                ? new DocumentShape(this.depth, this.introspectionDepth, this.fields, this.aliases, this.directives, repeats, key)
                : this;
    }

    /** A sum that stops at a value far above every limit, for fragments spread into each other many times over. */
    private static long saturated(long a, long b) {
        long sum = a + b;
        return sum < 0 || sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : sum;
    }

    /** A product that stops where {@link #saturated} does. */
    private static long saturatedProduct(long a, long b) {
        return b != 0 && a > Integer.MAX_VALUE / b ? Integer.MAX_VALUE : Math.min(a * b, Integer.MAX_VALUE);
    }

    private static final class Measurer {

        private final Map<String, FragmentDefinition> fragments;

        private final Map<String, DocumentShape> measured = new HashMap<>();

        private final Set<String> measuring = new HashSet<>();

        /** The response keys a fragment puts into the selection set it is spread into, and how often. */
        private final Map<String, Map<String, Long>> fragmentKeys = new HashMap<>();

        private final Set<String> counting = new HashSet<>();

        Measurer(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        DocumentShape measure(SelectionSet selections) {
            DocumentShape shape = EMPTY;
            if (selections == null) {
                return shape;
            }
            for (Selection<?> selection : selections.getSelections()) {
                shape = shape.plus(measure(selection));
            }
            Map<String, Long> keys = new HashMap<>();
            countKeys(selections, 1, (key, times) -> keys.merge(key, times, DocumentShape::saturated));
            for (Map.Entry<String, Long> key : keys.entrySet()) {
                shape = shape.mostRepeated(key.getValue(), key.getKey());
            }
            return shape;
        }

        /**
         * Hands every response key of a selection set to {@code count}, with how many times it is
         * asked for: its own fields, and those of the inline fragments and fragment spreads in it, which
         * graphql-java merges into the same object of the answer.
         */
        private void countKeys(SelectionSet selections, long times, BiConsumer<String, Long> count) {
            if (selections == null) {
                return;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    count.accept(field.getResultKey(), times);
                }
                else if (selection instanceof InlineFragment inline) {
                    countKeys(inline.getSelectionSet(), times, count);
                }
                else if (selection instanceof FragmentSpread spread) {
                    fragmentKeys(spread.getName()).forEach((key, n) -> count.accept(key, saturatedProduct(n, times)));
                }
            }
        }

        /** The response keys of a fragment's selection set; one that spreads into itself is left to validation. */
        private Map<String, Long> fragmentKeys(String name) {
            Map<String, Long> known = this.fragmentKeys.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = this.fragments.get(name);
            if (definition == null || !this.counting.add(name)) {
                return Map.of();
            }
            Map<String, Long> keys = new HashMap<>();
            countKeys(definition.getSelectionSet(), 1, (key, times) -> keys.merge(key, times, DocumentShape::saturated));
            this.counting.remove(name);
            this.fragmentKeys.put(name, keys);
            return keys;
        }

        private DocumentShape measure(Selection<?> selection) {
            if (selection instanceof Field field) {
                DocumentShape below = measure(field.getSelectionSet());
                boolean introspection = field.getName().equals("__schema") || field.getName().equals("__type");
                long depth = introspection ? 0 : below.depth + 1;
                long introspectionDepth = introspection ? Math.max(below.depth, below.introspectionDepth) + 1
                        : below.introspectionDepth == 0 ? 0 : below.introspectionDepth + 1;
                return new DocumentShape(depth, introspectionDepth, saturated(below.fields, 1),
                        saturated(below.aliases, field.getAlias() == null ? 0 : 1), saturated(below.directives, field.getDirectives().size()))
                    .mostRepeated(below);
            }
            if (selection instanceof InlineFragment inline) {
                DocumentShape below = measure(inline.getSelectionSet());
                return below.plus(new DocumentShape(0, 0, 0, 0, inline.getDirectives().size()));
            }
            FragmentSpread spread = (FragmentSpread) selection;
            return fragment(spread.getName()).plus(new DocumentShape(0, 0, 0, 0, spread.getDirectives().size()));
        }

        /** A fragment's shape; one that spreads into itself is left to validation, which refuses it. */
        private DocumentShape fragment(String name) {
            DocumentShape known = this.measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = this.fragments.get(name);
            if (definition == null || !this.measuring.add(name)) {
                return EMPTY;
            }
            DocumentShape shape = measure(definition.getSelectionSet())
                .plus(new DocumentShape(0, 0, 0, 0, definition.getDirectives().size()));
            this.measuring.remove(name);
            this.measured.put(name, shape);
            return shape;
        }

    }

}
