package org.pangeagraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class DocumentShapeTests {

    @Test
    void depthCountsFieldsThroughFragmentsButNotTheFragmentsThemselves() {
        DocumentShape shape = shape("""
                query { website(domain: "a") { ...Ips } }
                fragment Ips on Website { ipAddresses { node { ... on IpAddress { address } } } }
                """);

        assertThat(shape.depth()).isEqualTo(4);
        assertThat(shape.fields()).isEqualTo(4);
        assertThat(shape.introspectionDepth()).isZero();
    }

    @Test
    void aFragmentCountsOnceForEveryPlaceItIsSpread() {
        DocumentShape shape = shape("""
                query { a: website(domain: "a") { ...W } b: website(domain: "b") { ...W } c: node(id: "c") { ...W } }
                fragment W on Website { name @include(if: true) domain }
                """);

        assertThat(shape.fields()).isEqualTo(3 + 3 * 2);
        assertThat(shape.aliases()).isEqualTo(3);
        assertThat(shape.directives()).isEqualTo(3);
    }

    @Test
    void fragmentsSpreadIntoEachOtherAreCountedWithoutExpandingThem() {
        DocumentShape shape = shape(fragmentsSpreadTwiceIntoEachOther(40));

        assertThat(shape.fields()).isEqualTo(Integer.MAX_VALUE);
        assertThat(shape.depth()).isEqualTo(2);
    }

    @Test
    void introspectionIsMeasuredApartFromTheData() {
        DocumentShape shape = shape("""
                { __schema { types { fields { type { ofType { ofType { name } } } } } } website(domain: "a") { name } }
                """);

        assertThat(shape.introspectionDepth()).isEqualTo(7);
        assertThat(shape.depth()).isEqualTo(2);
    }

    @Test
    void aFragmentThatSpreadsIntoItselfIsLeftToValidation() {
        DocumentShape shape = shape("""
                query { website(domain: "a") { ...Loop } }
                fragment Loop on Website { name ...Loop }
                """);

        assertThat(shape.fields()).isEqualTo(2);
    }

    @Test
    void theMostRepeatedResponseKeyOfOneSelectionCountsFragmentsSpreadIntoIt() {
        DocumentShape shape = shape("""
                query { website(domain: "a") { __typename __typename ...T ... on Website { __typename name } ...T }
                        b: website(domain: "b") { name } c: website(domain: "c") { name } }
                fragment T on Website { __typename n: name }
                """);

        assertThat(shape.repeats()).isEqualTo(5);
        assertThat(shape.repeatedKey()).isEqualTo("__typename");
    }

    @Test
    void oneKeyAskedForOnceInEachOfManySelectionsIsNoRepetition() {
        DocumentShape shape = shape("""
                query { a: website(domain: "a") { name } b: website(domain: "b") { name } c: website(domain: "c") { name } }
                """);

        assertThat(shape.repeats()).isEqualTo(1);
    }

    @Test
    void fragmentsSpreadIntoEachOtherRepeatWithoutExpandingThem() {
        DocumentShape shape = shape(fragmentsSpreadTwiceIntoEachOther(40));

        assertThat(shape.repeats()).isEqualTo(Integer.MAX_VALUE);
        assertThat(shape.repeatedKey()).isEqualTo("name");
    }

    /** Fragments each spreading the next twice: 2^levels copies of {@code name} if they were expanded. */
    private static String fragmentsSpreadTwiceIntoEachOther(int levels) {
        StringBuilder document = new StringBuilder("query { website(domain: \"a\") { ...F0 } }\n");
        for (int i = 0; i < levels; i++) {
            document.append("fragment F").append(i).append(" on Website { ...F").append(i + 1).append(" ...F").append(i + 1)
                .append(" }\n");
        }
        document.append("fragment F").append(levels).append(" on Website { name }\n");
        return document.toString();
    }

    private static DocumentShape shape(String document) {
        return DocumentShape.of(Parser.parse(document));
    }

}
