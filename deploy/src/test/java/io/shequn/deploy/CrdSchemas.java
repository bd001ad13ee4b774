package io.shequn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The OpenAPI v3 schemas of the operators' CustomResourceDefinitions (../shared/crds), made
 * strict: every schema object that lists {@code properties} and does not preserve unknown fields
 * rejects any other field, as the API server's pruning would silently drop it.
 */
final class CrdSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false)
            .build();

    /** By apiVersion/kind, e.g. {@code kafka.strimzi.io/v1/KafkaTopic}. */
    private final Map<String, JsonSchema> schemas;

    private CrdSchemas(Map<String, JsonSchema> schemas) {
        this.schemas = schemas;
    }

    static CrdSchemas load(Path folder) {
        Map<String, JsonSchema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode crd : Manifests.parse(Files.readString(file))) {
                    if (!Manifests.kind(crd).equals("CustomResourceDefinition")) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        schemas.put(group + "/" + version.path("name").asText() + "/" + kind, FACTORY.getSchema(strict(schema), CONFIG));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemas(schemas);
    }

    boolean covers(JsonNode object) {
        return schemas.containsKey(key(object));
    }

    /** What is wrong with the custom resource for its CRD's schema; empty when it matches. */
    List<String> violations(JsonNode object) {
        JsonSchema schema = Optional.ofNullable(schemas.get(key(object)))
                .orElseThrow(() -> new IllegalArgumentException("No CRD for " + key(object)));
        List<String> violations = new ArrayList<>();
        schema.validate(object).forEach(message -> violations.add(Manifests.id(object) + ": " + message.getMessage()));
        violations.addAll(CoreModel.metadataViolations(object));
        return violations;
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + Manifests.kind(object);
    }

    /**
     * Closes every structural schema object that lists properties, and turns the Kubernetes
     * extensions into JSON Schema: nullable into a null type, int-or-string into integer|string.
     * Constraint-only subschemas (allOf, anyOf, oneOf, not) stay as they are: they restate
     * properties of the object they constrain and must not close it a second time.
     */
    static ObjectNode strict(ObjectNode schema) {
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.path("type").asText()).add("null");
            schema.set("type", types);
        }
        if (schema.has("properties") && !preserve && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        if (schema.path("properties").isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
                JsonNode property = properties.next().getValue();
                if (property.isObject()) {
                    strict((ObjectNode) property);
                }
            }
        }
        if (schema.path("items").isObject()) {
            strict((ObjectNode) schema.path("items"));
        }
        if (schema.path("additionalProperties").isObject()) {
            strict((ObjectNode) schema.path("additionalProperties"));
        }
        return schema;
    }
}
