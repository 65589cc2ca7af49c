package org.pangeagraph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The projection cache under writes: every write raises the graph version, so every request after
 * one asks a question on a new version. Each test asks on a date of its own, so that no other
 * request of the suite asks the same question.
 */
@IntegrationTest
class ProjectionsIT {

    @Autowired
    TestGraph graph;

    @Autowired
    Projections projections;

    @Autowired
    GraphVersion version;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("shared-infrastructure");
    }

    @Test
    void aProjectionOfANewerVersionReplacesTheOlderOnesOfTheSameQuestion() {
        LocalDate day = LocalDate.of(2011, 1, 1);
        Projection.Key first = this.projections.key(Visibility.everything(), day);
        this.projections.projection(first);
        this.version.bump();
        Projection.Key second = this.projections.key(Visibility.everything(), day);

        Projection projection = this.projections.projection(second);

        assertThat(second.graphVersion()).isNotEqualTo(first.graphVersion());
        assertThat(this.projections.cachedVersions(second)).containsExactly(second.graphVersion());
        assertThat(projection.websiteCount()).isEqualTo(10);
    }

    @Test
    void writesDuringABuildQueueNoFurtherBuildsAndAFreshProjectionAnswersForNewerVersions() throws InterruptedException {
        LocalDate day = LocalDate.of(2011, 2, 2);
        Projection.Key first = this.projections.key(Visibility.everything(), day);
        assertThat(this.projections.recent(first)).isEmpty();
        this.version.bump();
        Projection.Key second = this.projections.key(Visibility.everything(), day);
        this.projections.recent(second);
        this.version.bump();
        Projection.Key third = this.projections.key(Visibility.everything(), day);
        this.projections.recent(third);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (this.projections.building(first) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        // One build, of the version first asked about: the later questions found it under way or fresh.
        assertThat(this.projections.building(first)).isFalse();
        assertThat(this.projections.cachedVersions(first)).containsExactly(first.graphVersion());
        Optional<Projection> recent = this.projections.recent(third);
        assertThat(recent).isPresent();
        assertThat(recent.get().websiteCount()).isEqualTo(10);
        assertThat(this.projections.building(third)).as("a projection younger than the refresh interval is not rebuilt").isFalse();
    }

}
