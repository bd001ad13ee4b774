package io.shequn.platform.kafka;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service consumes and publishes through the connector's channels (mp.messaging.*), so no
 * production code of any module builds a Kafka client of its own. The exceptions: the analytics
 * rebuild replays topics into its rebuild tables with a consumer outside the consumer group, and
 * local-stack's test client is what tests and benchmarks publish and read with.
 */
class ConnectorOwnsTheKafkaClientsTest {

    private static final Pattern OWN_CLIENT = Pattern.compile("new\\s+Kafka(Consumer|Producer)\\s*<");
    private static final List<String> ALLOWED = List.of(
            "analytics-service/src/main/java/io/shequn/analytics/rebuild/Rebuild.java",
            "local-stack/src/main/java/io/shequn/localstack/KafkaTestClient.java");

    @Test
    void noProductionCodeButTheRebuildAndTheTestClientBuildsAKafkaClient() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(ConnectorOwnsTheKafkaClientsTest::javaFiles).toList();
        }
        assertThat(sources).as("the production sources of the modules beside platform")
                .anyMatch(p -> p.toString().contains("analytics-service")).anyMatch(p -> p.toString().contains("member-service"))
                .hasSizeGreaterThan(100);
        List<String> building = sources.stream().filter(ConnectorOwnsTheKafkaClientsTest::buildsAClient)
                .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        assertThat(building).containsExactlyElementsOf(ALLOWED);
    }

    private static Stream<Path> javaFiles(Path directory) {
        try {
            return Files.walk(directory).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean buildsAClient(Path source) {
        try {
            return OWN_CLIENT.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
