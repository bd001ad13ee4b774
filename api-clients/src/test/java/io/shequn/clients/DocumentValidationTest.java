package io.shequn.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.codegen.SpecValidationException;
import org.openapitools.codegen.config.CodegenConfigurator;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build generates the clients with {@code skipValidateSpec=false}: the plugin hands the
 * document to openapi-generator's {@link CodegenConfigurator} with validation on, which refuses a
 * document its parser reports problems in. Here the same configuration, on the exported documents
 * and on a broken copy of one, shows that this gate passes them and would stop a broken one.
 */
class DocumentValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"member", "group", "engagement", "analytics"})
    void theExportedDocumentPassesTheGeneratorsValidation(String service) {
        assertThatCode(() -> configured(exported(service)).toContext()).doesNotThrowAnyException();
    }

    @Test
    void aDocumentTheGeneratorCannotUseIsRefused() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(exported("group").toFile());
        // The mistakes a hand edit or a broken filter makes: no info, an operation without responses.
        document.remove("info");
        ObjectNode operation = (ObjectNode) document.path("paths").path("/api/v1/groups/{groupId}/members").path("post");
        operation.remove("responses");
        Path broken = temp.resolve("broken-openapi.json");
        JSON.writeValue(broken.toFile(), document);

        assertThatThrownBy(() -> configured(broken).toContext())
                .isInstanceOf(SpecValidationException.class)
                .hasMessageContaining("attribute info is missing")
                .hasMessageContaining("responses is missing");
    }

    /** As the plugin's executions in this module's pom configure it. */
    private CodegenConfigurator configured(Path document) {
        return new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(document.toAbsolutePath().toString())
                .setOutputDir(temp.resolve("out").toString())
                .setValidateSpec(true);
    }

    private static Path exported(String service) {
        return Path.of("..", service + "-service", "target", "openapi", "openapi.json");
    }
}
