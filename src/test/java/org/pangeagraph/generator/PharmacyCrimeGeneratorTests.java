package org.pangeagraph.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.model.KeyForm;

class PharmacyCrimeGeneratorTests {

    @Test
    void theSameSeedAndSizeGiveByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(11), first);
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(11), second);

        List<Path> files = files(first);
        assertThat(files).hasSizeGreaterThan(40).contains(Path.of("load.cypher"), Path.of("ground-truth.csv"),
                Path.of("admin/import.args"), Path.of("nodes/Website.csv"));
        assertThat(files(second)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file.toString()).isEqualTo(-1);
        }
    }

    @Test
    void anotherSeedGivesAnotherGraph(@TempDir Path first, @TempDir Path second) throws IOException {
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(11), first);
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(12), second);

        assertThat(Files.mismatch(first.resolve("ground-truth.csv"), second.resolve("ground-truth.csv"))).isNotEqualTo(-1);
    }

    @Test
    void theTinySizeHasAboutTwoThousandNodesAndPlantedNetworksOfSeveralSizes(@TempDir Path directory) throws IOException {
        PharmacyCrimeGenerator.Summary summary = PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(7), directory);

        assertThat(summary.nodes()).isBetween(1_500L, 3_000L);
        assertThat(summary.relationships()).isGreaterThan(3 * summary.nodes());
        var members = Accuracy.GroundTruth.read(directory).members();
        assertThat(members.values().stream().mapToInt(List::size).max().orElseThrow()).isGreaterThanOrEqualTo(11);
        assertThat(members.values().stream().filter(m -> m.size() == 2).count()).isGreaterThan(3);
    }

    @Test
    void fictionalKeysAreInTheirNormalForm() {
        IntStream.range(0, FictionalValues.phoneCount()).mapToObj(FictionalValues::phone)
            .forEach(phone -> assertThat(KeyForm.PHONE.normalise(phone)).isEqualTo(phone));
        Stream.of(FictionalValues.iban(1), FictionalValues.iban(99_999_999))
            .forEach(iban -> assertThat(KeyForm.PAYMENT_IDENTIFIER.normalise(iban)).isEqualTo(iban));
        Stream.of(FictionalValues.ipAddress(0, 0, 0), FictionalValues.ipAddress(200, 3, 4095))
            .forEach(ip -> assertThat(KeyForm.IP_ADDRESS.normalise(ip)).isEqualTo(ip));
        assertThat(KeyForm.DOMAIN.normalise(FictionalValues.domain(3, 4, 123_456))).isEqualTo(FictionalValues.domain(3, 4, 123_456));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

}
