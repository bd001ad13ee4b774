package io.shequn.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients generated from the exported documents (they compiled, or this module would not
 * build) have a method for every operation, named by its operationId, so a client developer
 * finds {@code groupArchive} where the document names it.
 */
class GeneratedClientsTest {

    @ParameterizedTest
    @ValueSource(strings = {"member", "group", "engagement", "analytics"})
    void everyOperationOfTheDocumentIsAMethodOfTheGeneratedClient(String service) throws Exception {
        JsonNode document = new ObjectMapper().readTree(Path.of("..", service + "-service", "target", "openapi", "openapi.json").toFile());
        List<String> operationIds = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                operationIds.add(operation.get("operationId").asText());
            }
        }));
        Set<String> methods = apiClasses(service).stream().flatMap(type -> Arrays.stream(type.getMethods()))
                .map(Method::getName).collect(Collectors.toSet());

        assertThat(operationIds).isNotEmpty();
        assertThat(methods).containsAll(operationIds);
    }

    private static List<Class<?>> apiClasses(String service) throws IOException, ClassNotFoundException {
        String pkg = "io.shequn.clients." + service + ".api";
        Path folder = Path.of("target", "classes").resolve(pkg.replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Api.class")).toList()) {
                String name = file.getFileName().toString();
                classes.add(Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length())));
            }
        }
        assertThat(classes).as("generated API classes in " + folder).isNotEmpty();
        return classes;
    }
}
