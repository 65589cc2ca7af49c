package org.pangeagraph.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * Calendar days, {@code yyyy-MM-dd}, read strictly: a day that does not exist ({@code 2023-02-30},
 * {@code 2023-04-31}) is refused as invalid input, never moved to the last day of its month as the
 * extended scalars' lenient reading does. Answers are written as the extended scalar writes them.
 */
final class DateScalar {

    /** ISO 8601's calendar date with the strict resolver: the day must exist in its month and year. */
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ISO_LOCAL_DATE;

    @SuppressWarnings("unchecked")
    private static final Coercing<Object, String> WRITTEN = (Coercing<Object, String>) ExtendedScalars.Date.getCoercing();

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
        .name(ExtendedScalars.Date.getName())
        .description("A calendar day, yyyy-MM-dd, e.g. 2009-11-16; a day that does not exist (2023-02-30) is refused.")
        .coercing(new Coercing<LocalDate, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                return WRITTEN.serialize(value, context, locale);
            }

            @Override
            public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof LocalDate date) {
                    return date;
                }
                if (input instanceof String s) {
                    LocalDate date = parse(s);
                    if (date != null) {
                        return date;
                    }
                }
                throw new CoercingParseValueException(refusal(input));
            }

            @Override
            public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s) {
                    LocalDate date = parse(s.getValue());
                    if (date != null) {
                        return date;
                    }
                    throw new CoercingParseLiteralException(refusal(s.getValue()));
                }
                throw new CoercingParseLiteralException("A date is written as a string, yyyy-MM-dd");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.newStringValue(serialize(input, context, locale)).build();
            }
        })
        .build();

    private DateScalar() {
    }

    /** The day {@code text} names, or null when it names none. */
    static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text, STRICT);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static String refusal(Object input) {
        return input instanceof String s
                ? "'" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "' is not a day of the calendar (yyyy-MM-dd, a day that exists)"
                : "A date is written as a string, yyyy-MM-dd";
    }

}
