package org.pangeagraph.model;

/**
 * A property an entity or a link may carry (DOMAIN.md), with the rule its values obey.
 *
 * @param name the property name, in the graph and in the GraphQL schema alike
 * @param rule what values it may hold
 * @param filterable how list queries may filter on it, if at all
 */
public record PropertySpec(String name, PropertyRule rule, Filter filterable) {

    /** How a list query filters on a property. */
    public enum Filter {
        /** Not a filter. */
        NONE,
        /** Equal to one of the given values. */
        ONE_OF,
        /** A list property holding at least one of the given values. */
        ANY_OF,
        /** A date between {@code from} and {@code to}, both inclusive. */
        DATE_RANGE,
        /** Equal to the given value. */
        EQUALS
    }

    /** Whether the property is free text, where tabs and line breaks are allowed ({@link TextRule}). */
    public boolean freeText() {
        return this.rule == PropertyRule.FREE_TEXT;
    }

    PropertySpec withRule(PropertyRule newRule) {
        return new PropertySpec(this.name, newRule, this.filterable);
    }

    static PropertySpec plain(String name) {
        return new PropertySpec(name, PropertyRule.ANY, Filter.NONE);
    }

    static PropertySpec freeText(String name) {
        return new PropertySpec(name, PropertyRule.FREE_TEXT, Filter.NONE);
    }

    static PropertySpec ruled(String name, PropertyRule rule) {
        return new PropertySpec(name, rule, Filter.NONE);
    }

    static PropertySpec filter(String name, PropertyRule rule, Filter filter) {
        return new PropertySpec(name, rule, filter);
    }

}
