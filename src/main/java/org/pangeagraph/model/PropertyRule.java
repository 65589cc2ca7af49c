package org.pangeagraph.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * What a stored property must hold beyond its GraphQL type, checked on every write. Enumerations,
 * dates and booleans are already checked by the GraphQL layer.
 */
public enum PropertyRule {

    /** Any value of the declared type; blank strings are stored as absent. */
    ANY,

    /**
     * Free text (an address, a description, a title): like {@link #ANY}, and the one kind of text that may
     * hold tabs and line breaks ({@link TextRule}).
     */
    FREE_TEXT,

    /** An ISO 3166-1 alpha-2 country code. */
    COUNTRY {
        @Override
        Object check(Object value) {
            return KeyForm.COUNTRY_CODE.normalise((String) value);
        }
    },

    /** An e-mail address, in its normal form. */
    EMAIL {
        @Override
        Object check(Object value) {
            return KeyForm.EMAIL.normalise((String) value);
        }
    },

    /** An absolute http(s) URL. */
    URL {
        @Override
        Object check(Object value) {
            String s = ((String) value).strip();
            try {
                URI uri = new URI(s);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new InvalidValueException("is not an absolute http(s) URL");
                }
                return s;
            }
            catch (URISyntaxException ex) {
                throw new InvalidValueException("is not an absolute http(s) URL");
            }
        }
    },

    /** A whole number, zero or more. */
    NON_NEGATIVE {
        @Override
        Object check(Object value) {
            if (((Number) value).longValue() < 0) {
                throw new InvalidValueException("must not be negative");
            }
            return value;
        }
    },

    /** A source reliability and information credibility grade, A-E and 1-5, e.g. {@code B2}. */
    GRADE {
        @Override
        Object check(Object value) {
            String s = ((String) value).strip().toUpperCase(Locale.ROOT);
            if (!s.matches("[A-E][1-5]")) {
                throw new InvalidValueException("must be a grade A-E followed by 1-5, e.g. B2");
            }
            return s;
        }
    };

    /**
     * The value to store: checked, in its normal form, or {@code null} for a blank string. Lists are
     * checked element by element.
     */
    public Object apply(Object value) {
        if (value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::apply).filter(v -> v != null).distinct().toList();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value == null ? null : check(value);
    }

    Object check(Object value) {
        return value instanceof String s ? s.strip() : value;
    }

}
