package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * GraphiQL opens with the README's first tour: the five queries of the README's tour, in order, each a
 * named operation of static/graphiql-page/tour.graphql with the same selections, so that the two cannot
 * drift apart.
 */
class GraphiQlTourTests {

    private static final Pattern CODE_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

    private static final Pattern OPERATION = Pattern.compile("^query (\\w+) \\{$", Pattern.MULTILINE);

    @Test
    void graphiQlsDefaultQueryIsTheReadmesTour() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String tourSection = readme.substring(readme.indexOf("## A first tour in GraphiQL"), readme.indexOf("\n## ", readme.indexOf("## A first tour in GraphiQL") + 3));
        List<String> readmeQueries = new ArrayList<>();
        Matcher block = CODE_BLOCK.matcher(tourSection);
        while (block.find()) {
            String query = block.group(1).strip();
            readmeQueries.add(flat(query.substring(1, query.lastIndexOf('}'))));
        }

        String tour = Files.readString(Path.of("src/main/resources/static/graphiql-page/tour.graphql"));
        String withoutComments = tour.lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        List<String> names = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        Matcher operation = OPERATION.matcher(withoutComments);
        List<Integer> starts = new ArrayList<>();
        while (operation.find()) {
            names.add(operation.group(1));
            starts.add(operation.end());
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? withoutComments.lastIndexOf("query ", starts.get(i + 1)) : withoutComments.length();
            String body = withoutComments.substring(starts.get(i), end).strip();
            bodies.add(flat(body.substring(0, body.lastIndexOf('}'))));
        }

        assertThat(readmeQueries).hasSize(5);
        assertThat(names).containsExactly("Website", "SharedInfrastructure", "CriminalNetworks", "Paths", "Operation");
        assertThat(bodies).containsExactlyElementsOf(readmeQueries);
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

}
