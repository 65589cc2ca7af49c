package org.pangeagraph;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The arrows of the README's "Architecture": web to area to model and db, the database behind one door,
 * and the product apart from its tools. The classes analysed are the product's (src/main); the tools
 * (src/tools: the generator and the benchmark) are compiled with the tests and are not among them.
 */
@AnalyzeClasses(packages = "org.pangeagraph", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /**
     * The packages of the API's areas, each holding its controllers and queries. (Every kind's lookup, list
     * and upsert are wired from the model in the entity package, below the areas.)
     */
    static final List<String> AREAS = List.of("investigation", "analytics", "resolution");

    @ArchTest
    static final ArchRule onlyTheDatabasePackageOpensSessions = noClasses()
        .that().resideOutsideOfPackage("org.pangeagraph.db..")
        .should().dependOnClassesThat().areAssignableTo(Session.class)
        .orShould().callMethodWhere(target(name("session")).and(target(owner(assignableTo(Driver.class)))))
        .because("GraphDb is the one way to the database: timeouts, access modes, bookmarks and counts live there");

    @ArchTest
    static final ArchRule onlyTheDatabaseAndImportRunNeo4jItself = noClasses()
        .that().resideOutsideOfPackages("org.pangeagraph.db..", "org.pangeagraph.ingest..")
        .should().dependOnClassesThat().resideInAPackage("org.neo4j.dbms..")
        .because("nothing above the driver may know whether the database is embedded, a server or a cluster");

    @ArchTest
    static final ArchRule onlyTheProjectionWalksTheEmbeddedGraph = noClasses()
        .that().resideOutsideOfPackages("org.pangeagraph.db..", "org.pangeagraph.projection..")
        .should().dependOnClassesThat().resideInAPackage("org.neo4j.graphdb..")
        .because("the projection's walk of the whole graph is the one read through the embedded API; every other "
                + "read is Cypher, the same against a server or cluster");

    @ArchTest
    static final ArchRule areasDoNotReachIntoEachOther = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return AREAS.stream().filter(area -> javaClass.getPackageName().equals("org.pangeagraph." + area)
                    || javaClass.getPackageName().startsWith("org.pangeagraph." + area + "."))
                .findFirst().map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "the areas of the API";
        }
    }).should().notDependOnEachOther().because("shared needs move down into the model or the entity package");

    @ArchTest
    static final ArchRule exportFormatsKnowOnlyTheModel = noClasses()
        .that().resideInAPackage("org.pangeagraph.export..")
        .should().dependOnClassesThat(resideInAPackage("org.pangeagraph..")
            .and(resideOutsideOfPackages("org.pangeagraph.model..", "org.pangeagraph.export..")))
        .because("formats write subgraphs; the areas that compute them call the formats, not the other way round");

    @ArchTest
    static final ArchRule theProjectionSitsBelowTheAreas = noClasses()
        .that().resideInAPackage("org.pangeagraph.projection..")
        .should().dependOnClassesThat(resideInAPackage("org.pangeagraph..")
            .and(resideOutsideOfPackages("org.pangeagraph.model..", "org.pangeagraph.db..", "org.pangeagraph.projection..")))
        .because("analytics and shared-infrastructure scoring both read the projection; it reads only the graph");

    @ArchTest
    static final ArchRule whoIsCallingIsACallerBelowTheWebLayer = noClasses()
        .that().resideInAnyPackage(Stream.concat(AREAS.stream(), Stream.of("entity", "export", "db", "model"))
            .map(p -> "org.pangeagraph." + p + "..").toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security..", "org.pangeagraph.security..")
        .because("sign-in and roles live in the security package; the data layer knows only the model's Caller and Visibility");

    @ArchTest
    static final ArchRule theAreasKnowNothingOfTheAuditTrailOrTheLimits = noClasses()
        .that().resideInAnyPackage(Stream.concat(AREAS.stream(), Stream.of("entity", "export", "model", "db"))
            .map(p -> "org.pangeagraph." + p + "..").toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage("org.pangeagraph.audit..", "org.pangeagraph.limits..")
        .because("the audit trail and the limits wrap every request from outside; what a request does is not theirs to change");

    @ArchTest
    static final ArchRule theProductHoldsNoneOfTheTools = noClasses()
        .should().resideInAnyPackage("org.pangeagraph.tools..", "org.pangeagraph.generator..", "org.pangeagraph.benchmark..")
        .because("the generator and the benchmark are tools (src/tools/java), built with the tests and never shipped");

    @ArchTest
    static final ArchRule theProductDependsOnNoTool = noClasses()
        .should().dependOnClassesThat().resideInAPackage("org.pangeagraph.tools..")
        .because("the tools use the product (the model's kinds and types, the import command), never the other way round");

    @ArchTest
    static final ArchRule theModelDependsOnNoOtherPackageOfTheProject = noClasses()
        .that().resideInAPackage("org.pangeagraph.model..")
        .should().dependOnClassesThat(resideInAPackage("org.pangeagraph..").and(resideOutsideOfPackage("org.pangeagraph.model..")))
        .because("everything builds on the model; it builds on nothing of ours");

}
