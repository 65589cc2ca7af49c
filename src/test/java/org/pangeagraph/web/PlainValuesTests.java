package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Value;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/** graphql-java's printed syntax-tree values, as its messages quote them, read back into GraphQL's own notation. */
class PlainValuesTests {

    @Test
    void everyKindOfValueIsWrittenAsGraphQlWritesIt() {
        assertThat(PlainValues.of("value '" + value("5") + "' is bad")).isEqualTo("value '5' is bad");
        assertThat(PlainValues.of("value '" + value("NOPE") + "'")).isEqualTo("value 'NOPE'");
        assertThat(PlainValues.of(value("2.5") + " " + value("true") + " " + value("null") + " " + value("$v")))
            .isEqualTo("2.5 true null $v");
        assertThat(PlainValues.of(value("\"say \\\"hi\\\"\""))).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(PlainValues.of("with value '" + value("[1, \"x\", {k: {n: [null, E]}}]") + "' is not"))
            .isEqualTo("with value '[1, \"x\", {k: {n: [null, E]}}]' is not");
    }

    @Test
    void graphQlJavasValidationMessagesNameNoJavaObjects() {
        String wrongType = "Validation error (WrongType@[website]) : argument 'domain' with value '" + value("5")
                + "' is not a valid 'String' - Expected an AST type of 'StringValue' but it was a 'IntValue'";
        assertThat(PlainValues.of(wrongType)).isEqualTo("Validation error (WrongType@[website]) : argument 'domain' with value"
                + " '5' is not a valid 'String' - Expected a string, not an integer");

        String badEnum = "argument 'filter.status' with value '" + value("NOPE") + "' is not a valid 'WebsiteStatus' - Literal"
                + " value not in allowable values for enum 'WebsiteStatus' - '" + value("NOPE") + "'";
        assertThat(PlainValues.of(badEnum)).isEqualTo("argument 'filter.status' with value 'NOPE' is not a valid 'WebsiteStatus'"
                + " - Literal value not in allowable values for enum 'WebsiteStatus' - 'NOPE'");

        String object = "with value '" + value("{a: 1}") + "' is not a valid 'ID' - Expected an AST type of 'IntValue' or"
                + " 'StringValue' but it was a 'ObjectValue'";
        assertThat(PlainValues.of(object))
            .isEqualTo("with value '{a: 1}' is not a valid 'ID' - Expected an integer or a string, not an input object");
    }

    @Test
    void aMessageWithoutSuchValuesIsLeftAsItIs() {
        String message = "Field 'nope' in type 'Query' is undefined; a ValueError{ is not ours";
        assertThat(PlainValues.of(message)).isEqualTo(message);
        assertThat(PlainValues.of("IntValue{value=5")).isEqualTo("IntValue{value=5");
    }

    /** How graphql-java prints the value of this literal. */
    private static String value(String literal) {
        Field field = (Field) Parser.parse("query($v: Int) { f(a: " + literal + ") }").getDefinitionsOfType(OperationDefinition.class)
            .get(0).getSelectionSet().getSelections().get(0);
        Value<?> value = field.getArguments().stream().map(Argument::getValue).findFirst().orElseThrow();
        String printed = value.toString();
        assertThat(printed).as("graphql-java prints its values as objects").contains("{");
        return printed;
    }

}
