package org.pangeagraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.CypherTemplate.Bounded;
import org.pangeagraph.model.CypherTemplate.PathSelector;


/**
 * Statements written whole with named parts: the visibility fragments expand to the model's predicates,
 * slots take only enums and bounded numbers, and every mistake in a template shows when it is made.
 */
class CypherTemplateTests {

    record PathParts(PathSelector selector, List<RelationshipType> types, @Bounded(min = 1, max = 8) int hops) {
    }

    private static final CypherTemplate<PathParts> PATH = CypherTemplate.of(PathParts.class, """
            MATCH p = {{selector}} (a)((:Entity)-[r:{{types}} WHERE visible(r) AND validOn(r)]-(:Entity)){1,{{hops}}}(b)
            RETURN p""");

    @Test
    void fragmentsExpandToTheModelsPredicates() {
        assertThat(CypherTemplate.statement("MATCH (w:Website)-[r]->(i) WHERE visible(w) AND validOn(r) RETURN i"))
            .isEqualTo("MATCH (w:Website)-[r]->(i) WHERE " + Visibility.visible("w") + " AND " + Visibility.validOn("r")
                    + " RETURN i");
        // The day of validOn may be an entry of a map parameter, as a query tree's levels are.
        assertThat(CypherTemplate.statement("MATCH (w)-[r1]->(i) WHERE validOn(r1, $levels.asOf1) RETURN i"))
            .isEqualTo("MATCH (w)-[r1]->(i) WHERE " + Visibility.validOn("r1", "levels.asOf1") + " RETURN i")
            .contains("($levels.asOf1 IS NULL OR ((r1.validFrom IS NULL OR r1.validFrom <= $levels.asOf1)");
        // Only whole words called on one variable are fragments.
        assertThat(CypherTemplate.statement("RETURN n.visible(x), invisible(x), visible(x.y)"))
            .isEqualTo("RETURN n.visible(x), invisible(x), visible(x.y)");
    }

    @Test
    void slotsAreFilledByName() {
        assertThat(PATH.text(new PathParts(PathSelector.shortest(3), List.of(RelationshipType.HOSTED_AT,
                RelationshipType.OPERATES, RelationshipType.HOSTED_AT), 6)))
            .isEqualTo("MATCH p = SHORTEST 3 (a)((:Entity)-[r:HOSTED_AT|OPERATES WHERE " + Visibility.visible("r")
                    + " AND " + Visibility.validOn("r") + "]-(:Entity)){1,6}(b)\nRETURN p");
        assertThat(PATH.text(new PathParts(PathSelector.allShortest(), List.of(RelationshipType.SEIZED), 1)))
            .startsWith("MATCH p = ALL SHORTEST (a)((:Entity)-[r:SEIZED WHERE");
        assertThat(PATH.text(new PathParts(PathSelector.shortestGroups(2), List.of(RelationshipType.SEIZED), 1)))
            .startsWith("MATCH p = SHORTEST 2 GROUPS (a)");
    }

    record LevelParts(@Bounded(min = 1, max = 9) int level, NodeKind kind, PropertySpec spec) {
    }

    @Test
    void numberedVariablesKindPropertiesAndPropertySpecsFillSlots() {
        CypherTemplate<LevelParts> level = CypherTemplate.of(LevelParts.class, """
                MATCH (n)-[r{{level}}]->(m{{level}}:{{kind}} {{{kind.key}}: $key})
                WHERE visible(m{{level}}) AND validOn(r{{level}}, $asOf{{level}}) AND writable(m{{level}})
                RETURN m{{level}}.{{kind.input}}, m{{level}}.{{spec}} ORDER BY m{{level}}.{{kind.sort}}""");
        PropertySpec status = NodeKind.WEBSITE.property("status").orElseThrow();

        assertThat(level.text(new LevelParts(2, NodeKind.COMPANY, status))).isEqualTo(
                "MATCH (n)-[r2]->(m2:Company {nameKey: $key})\nWHERE " + Visibility.visible("m2") + " AND "
                        + Visibility.validOn("r2", "asOf2") + " AND " + CypherTemplate.writable("m2") + "\nRETURN m2.name, m2.status"
                        + " ORDER BY m2.nameKey");
        assertThat(Visibility.validOn("r2", "asOf2")).isEqualTo("($asOf2 IS NULL OR ((r2.validFrom IS NULL OR r2.validFrom <= $asOf2)"
                + " AND (r2.validTo IS NULL OR r2.validTo >= $asOf2)))");
        assertThat(CypherTemplate.writable("m")).isEqualTo("($seeAll OR all(c IN coalesce(m.cases, []) WHERE c IN $writable))");
        // A kind without a key has none to put in a slot; it is sorted by its caption.
        assertThatThrownBy(() -> level.text(new LevelParts(1, NodeKind.PERSON, status)))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("PERSON has no key property");
        assertThat(CypherTemplate.of(LevelParts.class, "{{level}} {{spec}} {{kind.sort}}").text(new LevelParts(1, NodeKind.PERSON, status)))
            .isEqualTo("1 status name");
    }

    @Test
    void theSameValuesGiveTheSameText() {
        PathParts values = new PathParts(PathSelector.shortest(1), List.of(RelationshipType.values()), 8);
        assertThat(PATH.text(values)).isEqualTo(PATH.text(new PathParts(PathSelector.shortest(1),
                new ArrayList<>(List.of(RelationshipType.values())), 8)));
    }

    record Kinds(Set<NodeKind> kinds, NodeKind kind, RelationshipType type) {
    }

    @Test
    void labelsAreAlternatedInAlphabeticalOrder() {
        CypherTemplate<Kinds> template = CypherTemplate.of(Kinds.class, "MATCH (a:{{kinds}})-[:{{type}}]->(b:{{kind}})");
        assertThat(template.text(new Kinds(EnumSet.of(NodeKind.WEBSITE, NodeKind.COMPANY, NodeKind.PERSON), NodeKind.COURIER,
                RelationshipType.CARRIED_BY)))
            .isEqualTo("MATCH (a:Company|Person|Website)-[:CARRIED_BY]->(b:Courier)");
    }

    record Judged(List<JudgementType> types, JudgementType type) {
    }

    @Test
    void judgementTypesFillSlotsAndStandingIsTheNotRetractedPredicate() {
        CypherTemplate<Judged> template = CypherTemplate.of(Judged.class, """
                MATCH (a)-[j:{{types}}]-(b) WHERE standing(j) AND writable(j) CREATE (a)-[:{{type}}]->(b)""");
        assertThat(template.text(new Judged(List.of(JudgementType.values()), JudgementType.NOT_SAME_AS)))
            .isEqualTo("MATCH (a)-[j:SAME_AS|NOT_SAME_AS|UNSURE_SAME_AS]-(b) WHERE " + JudgementType.standing("j") + " AND "
                    + CypherTemplate.writable("j") + " CREATE (a)-[:NOT_SAME_AS]->(b)");
        assertThat(JudgementType.standing("j")).isEqualTo("j.retractedAt IS NULL");
        assertThat(CypherTemplate.statement("RETURN notstanding(j), n.standing(j)")).isEqualTo("RETURN notstanding(j), n.standing(j)");
        assertThatThrownBy(() -> template.text(new Judged(List.of(), JudgementType.SAME_AS)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("types is empty");
    }

    @Test
    void visibleFactsIsThePredicateThatEveryCaseSetOfARecordOfFactsIsSeen() {
        assertThat(CypherTemplate.statement("MATCH (a:Alert) WHERE visibleFacts(a) AND visible(a) RETURN a"))
            .isEqualTo("MATCH (a:Alert) WHERE " + CypherTemplate.visibleFacts("a") + " AND " + Visibility.visible("a") + " RETURN a");
        assertThat(CypherTemplate.visibleFacts("a")).isEqualTo(
                "(all(s IN coalesce(a.factCases, []) WHERE $seeAll OR any(c IN split(s, $separator) WHERE c IN $caller.myCases))"
                + " AND ($seeAll OR (NOT EXISTS { MATCH (shownEntity:Entity) WHERE shownEntity.id IN coalesce(a.factIds, [])"
                + " AND NOT " + Visibility.visible("shownEntity") + " }"
                + " AND NOT EXISTS { UNWIND coalesce(a.factLinks, []) AS shownLink"
                + " MATCH (:Entity {id: split(shownLink, $separator)[0]})-[shownFact]-() WHERE shownFact.id = split(shownLink, $separator)[1]"
                + " AND NOT " + Visibility.visible("shownFact") + " })))");
        assertThat(CypherTemplate.statement("RETURN n.visibleFacts(a), invisibleFacts(a)")).isEqualTo("RETURN n.visibleFacts(a), invisibleFacts(a)");
    }

    record Seek(NodeKind kind, @Bounded(max = 20) int index) {
    }

    record Seeks(List<CypherTemplate.Fragment> seeks) {
    }

    @Test
    void fragmentsOfOneTemplateFillASlotOfAnother() {
        CypherTemplate<Seek> seek = CypherTemplate.of(Seek.class, """
                  MATCH (n:{{kind}} { {{kind.key}}: $key{{index}} }) RETURN n
                """);
        CypherTemplate<Seeks> union = CypherTemplate.of(Seeks.class, """
                CALL () {
                {{seeks}}}
                RETURN n""");
        assertThat(union.text(new Seeks(List.of(seek.fragment(new Seek(NodeKind.WEBSITE, 0)),
                seek.fragment(new Seek(NodeKind.IP_ADDRESS, 1))))))
            .isEqualTo("""
                    CALL () {
                      MATCH (n:Website { domain: $key0 }) RETURN n
                      MATCH (n:IpAddress { address: $key1 }) RETURN n
                    }
                    RETURN n""");
        assertThatThrownBy(() -> seek.text(new Seek(NodeKind.PERSON, 0))).hasMessageContaining("PERSON has no key");
        assertThatThrownBy(() -> CypherTemplate.of(Limit.class, "RETURN {{limit.key}}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a NodeKind has a key");
    }

    @Test
    void aNumberOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> PATH.text(new PathParts(PathSelector.shortest(1), List.of(RelationshipType.SEIZED), 9)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hops is 9, outside 1..8");
        assertThatThrownBy(() -> PATH.text(new PathParts(PathSelector.shortest(1), List.of(RelationshipType.SEIZED), 0)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathSelector.shortest(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathSelector.shortestGroups(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyTypeListOrAMissingValueIsRefused() {
        assertThatThrownBy(() -> PATH.text(new PathParts(PathSelector.shortest(1), List.of(), 2)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("types is empty");
        assertThatThrownBy(() -> PATH.text(new PathParts(null, List.of(RelationshipType.SEIZED), 2)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{selector}} is null");
    }

    record Limit(@Bounded(max = 10) int limit) {
    }

    record Text(String text) {
    }

    record UnboundedNumber(int limit) {
    }

    record Strings(List<String> types) {
    }

    enum NotAKeyword {
        A
    }

    record PlainEnum(NotAKeyword keyword) {
    }

    @Test
    void aSlotTheRecordLacksIsFoundWhenTheTemplateIsMade() {
        assertThatThrownBy(() -> CypherTemplate.of(Limit.class, "MATCH (n) RETURN n LIMIT {{limt}}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{limt}} is not a component");
    }

    @Test
    void aComponentTheTextDoesNotUseIsFoundWhenTheTemplateIsMade() {
        assertThatThrownBy(() -> CypherTemplate.of(Limit.class, "MATCH (n) RETURN n LIMIT 10"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a slot in the text: [limit]");
    }

    @Test
    void aSlotInAStatementWithoutSlotsIsFound() {
        assertThatThrownBy(() -> CypherTemplate.statement("MATCH (n) RETURN n LIMIT {{limit}}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{limit}}");
    }

    @Test
    void onlyEnumsAndBoundedNumbersMayFillASlot() {
        assertThatThrownBy(() -> CypherTemplate.of(Text.class, "MATCH (n:{{text}}) RETURN n"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Text.text is a java.lang.String");
        assertThatThrownBy(() -> CypherTemplate.of(Strings.class, "MATCH ()-[:{{types}}]-() RETURN 1"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("List<java.lang.String>");
        assertThatThrownBy(() -> CypherTemplate.of(UnboundedNumber.class, "MATCH (n) RETURN n LIMIT {{limit}}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without @Bounded");
        assertThatThrownBy(() -> CypherTemplate.of(PlainEnum.class, "MATCH (n) RETURN n {{keyword}}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Keyword");
    }

    /**
     * Templates are made when their class is loaded. Loading every product class that makes one shows
     * here, not in production, a template that does not agree with its record.
     */
    @Test
    void everyTemplateOfTheProductIsWellMade() throws Exception {
        Path classes = Path.of(CypherTemplate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        byte[] name = CypherTemplate.class.getName().replace('.', '/').getBytes(StandardCharsets.UTF_8);
        List<String> makers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String type = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                if (!type.startsWith(CypherTemplate.class.getName()) && contains(Files.readAllBytes(file), name)) {
                    makers.add(type);
                }
            }
        }
        assertThat(makers).as("classes that use templates").isNotEmpty();
        for (String maker : makers) {
            Class.forName(maker, true, getClass().getClassLoader());
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer: for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

}
