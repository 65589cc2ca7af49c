package org.pangeagraph.web;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.pangeagraph.model.InvalidValueException;
import org.pangeagraph.model.KeyForm;

/**
 * ISO 3166-1 alpha-2 country codes, accepted in any case ({@code nl} is {@code NL}) and checked
 * against the ISO list, the same rule the graph's country-valued properties follow.
 */
final class CountryCodeScalar {

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
        .name("CountryCode")
        .description("An ISO 3166-1 alpha-2 country code, e.g. GB, NL, US; any case on input.")
        .coercing(new Coercing<String, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof String s) {
                    return s;
                }
                throw new CoercingSerializeException("Not a country code: " + value);
            }

            @Override
            public String parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String s) {
                    try {
                        return KeyForm.COUNTRY_CODE.normalise(s);
                    }
                    catch (InvalidValueException ex) {
                        throw new CoercingParseValueException("'" + s + "' " + ex.getMessage());
                    }
                }
                throw new CoercingParseValueException("Expected a country code string, not " + input);
            }

            @Override
            public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s) {
                    try {
                        return KeyForm.COUNTRY_CODE.normalise(s.getValue());
                    }
                    catch (InvalidValueException ex) {
                        throw new CoercingParseLiteralException("'" + s.getValue() + "' " + ex.getMessage());
                    }
                }
                throw new CoercingParseLiteralException("Expected a country code string");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.newStringValue(String.valueOf(input)).build();
            }
        })
        .build();

    private CountryCodeScalar() {
    }

}
