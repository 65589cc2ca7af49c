package org.pangeagraph.model;

/**
 * A property an entity or a link may carry (the README's graph model), with the type of its values,
 * the rule they obey and how lists filter on it. The GraphQL types, inputs and filters of a kind, the
 * generator's files and every write follow from these; a test checks the schema says the same.
 *
 * @param name the property name, in the graph and in the GraphQL schema alike
 * @param type what kind of value it holds
 * @param rule what values it may hold beyond their type
 * @param filterable how list queries may filter on it, if at all
 * @param notBefore for a date, the date property of the same entity it may not be before, or null
 */
public record PropertySpec(String name, ValueType type, PropertyRule rule, Filter filterable, String notBefore) {

    /** What kind of value a property holds, in the graph (GraphQL enumerations and country codes are text). */
    public enum ValueType {
        /** Text: a String, an ID, a country code or the name of an enumeration value. */
        TEXT,
        /** A whole number (Int, NonNegativeInt, Long). */
        NUMBER,
        /** A calendar date. */
        DATE,
        /** True or false. */
        BOOLEAN,
        /** A list of texts (or of enumeration values); absent reads as empty. */
        TEXT_LIST
    }

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

    /** The same property, its values held to {@code newRule}. */
    PropertySpec rule(PropertyRule newRule) {
        return new PropertySpec(this.name, this.type, newRule, this.filterable, this.notBefore);
    }

    /** The same property, filtered on by lists as {@code filter} says. */
    PropertySpec filter(Filter filter) {
        return new PropertySpec(this.name, this.type, this.rule, filter, this.notBefore);
    }

    /** The same date property, which may not be before the date property {@code earlier} of the same entity. */
    PropertySpec notBefore(String earlier) {
        return new PropertySpec(this.name, this.type, this.rule, this.filterable, earlier);
    }

    static PropertySpec text(String name) {
        return of(name, ValueType.TEXT, PropertyRule.ANY);
    }

    static PropertySpec freeText(String name) {
        return text(name).rule(PropertyRule.FREE_TEXT);
    }

    /** An ISO country code. */
    static PropertySpec country(String name) {
        return text(name).rule(PropertyRule.COUNTRY);
    }

    /** A whole number, zero or more. */
    static PropertySpec count(String name) {
        return of(name, ValueType.NUMBER, PropertyRule.NON_NEGATIVE);
    }

    static PropertySpec date(String name) {
        return of(name, ValueType.DATE, PropertyRule.ANY);
    }

    static PropertySpec bool(String name) {
        return of(name, ValueType.BOOLEAN, PropertyRule.ANY);
    }

    static PropertySpec textList(String name) {
        return of(name, ValueType.TEXT_LIST, PropertyRule.ANY);
    }

    private static PropertySpec of(String name, ValueType type, PropertyRule rule) {
        return new PropertySpec(name, type, rule, Filter.NONE, null);
    }

}
