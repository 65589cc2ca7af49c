package org.pangeagraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pangeagraph.db.CypherScript;
import org.pangeagraph.db.Migrations;

/**
 * The schema scripts of cypher/schema, applied in order as the application applies them, leave what the
 * model needs: a uniqueness constraint on the key of every kind that has one (which is also the index
 * lookups and MERGE use), an index on the id of every relationship type (so that unlink by id seeks
 * instead of scanning every link of the type), and one full-text index over every kind's label and
 * the property its key is written in. Constraints, indexes and labels of nothing in the model fail too.
 */
class MigrationsFollowModelTests {

    private static final Pattern CONSTRAINT = Pattern.compile(
            "CREATE CONSTRAINT (\\w+) IF NOT EXISTS FOR \\(n:(\\w+)\\) REQUIRE \\(?([^)]+?)\\)? IS UNIQUE", Pattern.DOTALL);

    /**
     * The link-id index of a relationship type of the model, named {@code link_id_} and the type in lower
     * case. Indexes on the ids of relationships that are not links of the model (entity resolution's
     * judgements) have names of their own and are not counted here.
     */
    private static final Pattern LINK_INDEX = Pattern.compile(
            "CREATE INDEX (link_id_\\w+) IF NOT EXISTS FOR \\(\\)-\\[r:(\\w+)\\]-\\(\\) ON \\(r\\.id\\)");

    /**
     * The index on the time a link of a relationship type was recorded, named {@code link_recorded_at_} and
     * the type in lower case: the change feed's reconciliation reads the links recorded since its last pass
     * through it, type by type.
     */
    private static final Pattern RECORDED_AT_INDEX = Pattern.compile(
            "CREATE INDEX (link_recorded_at_\\w+) IF NOT EXISTS FOR \\(\\)-\\[r:(\\w+)\\]-\\(\\) ON \\(r\\.recordedAt\\)");

    private static final Pattern FULLTEXT = Pattern.compile(
            "CREATE FULLTEXT INDEX (\\w+) IF NOT EXISTS\\s+FOR \\(n:([\\w|]+)\\)\\s+ON EACH \\[([^]]+)\\]", Pattern.DOTALL);

    private static final Pattern DROP = Pattern.compile("DROP (?:INDEX|CONSTRAINT) (\\w+)");

    /**
     * The uniqueness constraints on labels that are not kinds of entity: every entity's id, and the
     * schema history. A migration that adds application data of its own under a new label lists it here.
     */
    private static final Map<String, String> NOT_ENTITIES = Map.of(NodeKind.ENTITY_LABEL, "n.id", "SchemaMigration", "n.version",
            "ChangeFeed", "n.name", "Watch", "n.id", "WatchOwner", "n.name", "Alert", "n.id", "AlertMatcher", "n.name");

    /** What the scripts leave, by name: the last statement to create each, unless a later one drops it. */
    private final Map<String, String> created = applied();

    @Test
    void everyKeyedKindHasAUniquenessConstraintOnItsKeyAndNoOtherLabelHasOne() {
        Map<String, String> unique = new LinkedHashMap<>();
        this.created.values().forEach(statement -> {
            Matcher m = CONSTRAINT.matcher(statement);
            if (m.find()) {
                unique.put(m.group(2), Arrays.stream(m.group(3).split(",")).map(String::strip).collect(Collectors.joining(", ")));
            }
        });
        Map<String, String> expected = new LinkedHashMap<>(NOT_ENTITIES);
        for (NodeKind kind : NodeKind.values()) {
            if (kind.hasKey()) {
                expected.put(kind.label(), "n." + kind.keyProperty() + (kind.keyIncludesCountry() ? ", n.country" : ""));
            }
        }
        assertThat(unique).as("uniqueness constraints by label").containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void everyRelationshipTypeHasAnIndexOnTheTimeItsLinksWereRecorded() {
        List<Matcher> indexes = this.created.values().stream().map(RECORDED_AT_INDEX::matcher).filter(Matcher::find).toList();
        indexes.forEach(m -> assertThat(m.group(1)).as("the name of the recordedAt index of %s", m.group(2))
            .isEqualTo("link_recorded_at_" + m.group(2).toLowerCase(Locale.ROOT)));
        assertThat(indexes.stream().map(m -> m.group(2)).sorted().toList()).as("relationship types with an index on r.recordedAt")
            .containsExactlyElementsOf(Arrays.stream(RelationshipType.values()).map(RelationshipType::cypherName).sorted().toList());
    }

    @Test
    void everyRelationshipTypeHasAnIndexOnItsLinkIdsAndNoOtherTypeHasOne() {
        List<Matcher> indexes = this.created.values().stream().map(LINK_INDEX::matcher).filter(Matcher::find).toList();
        indexes.forEach(m -> assertThat(m.group(1)).as("the name of the link-id index of %s", m.group(2))
            .isEqualTo("link_id_" + m.group(2).toLowerCase(Locale.ROOT)));
        List<String> indexed = indexes.stream().map(m -> m.group(2)).sorted().toList();
        assertThat(indexed).as("relationship types with an index on r.id")
            .containsExactlyElementsOf(Arrays.stream(RelationshipType.values()).map(RelationshipType::cypherName).sorted().toList());
    }

    @Test
    void theFullTextIndexCoversEveryKindAndThePropertyItsKeyIsWrittenIn() {
        List<Matcher> fullText = this.created.values().stream().map(FULLTEXT::matcher).filter(Matcher::find).toList();
        assertThat(fullText).as("full-text indexes").hasSize(1);
        Matcher index = fullText.get(0);
        assertThat(index.group(1)).isEqualTo("entity_search");
        assertThat(index.group(2).split("\\|")).as("the labels of entity_search")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(NodeKind.values()).map(NodeKind::label).toList());
        List<String> properties = Arrays.stream(index.group(3).split(",")).map(String::strip).toList();
        for (NodeKind kind : NodeKind.values()) {
            String searched = kind.hasKey() ? kind.keyInput() : "name";
            assertThat(properties).as("entity_search holds %s, which %s is found by", searched, kind.label()).contains("n." + searched);
        }
    }

    @Test
    void noTwoScriptsShareAVersionNumber() {
        // Two branches may each add "the next" script: the second of one number would be taken for the
        // first one changed after it was applied, and start-up would stop on every database that has one.
        Map<Integer, List<String>> byVersion = new Migrations(null, "file:cypher/schema").available().stream()
            .collect(Collectors.groupingBy(Migrations.Migration::version, Collectors.mapping(Migrations.Migration::fileName, Collectors.toList())));
        assertThat(byVersion.values()).as("the scripts of cypher/schema by version number").allSatisfy(scripts -> assertThat(scripts).hasSize(1));
    }

    /** The statements of every script in order; each named index or constraint as its last creation left it. */
    private static Map<String, String> applied() {
        Map<String, String> byName = new LinkedHashMap<>();
        Pattern name = Pattern.compile("CREATE (?:FULLTEXT )?(?:INDEX|CONSTRAINT) (\\w+)");
        for (Migrations.Migration migration : new Migrations(null, "file:cypher/schema").available()) {
            for (CypherScript.Item item : CypherScript.parse(migration.fileName(), migration.text()).items()) {
                if (item instanceof CypherScript.Statement statement) {
                    String text = statement.text().strip();
                    Matcher drop = DROP.matcher(text);
                    Matcher create = name.matcher(text);
                    if (drop.lookingAt()) {
                        byName.remove(drop.group(1));
                    }
                    else if (create.lookingAt()) {
                        byName.put(create.group(1), text);
                    }
                }
            }
        }
        return byName;
    }

}
