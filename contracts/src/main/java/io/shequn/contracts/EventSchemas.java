package io.shequn.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates event data against the JSON Schema of its contract. */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<EventContract<?>, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of {@code data} against the contract's schema; empty when valid. */
    public static List<String> violations(EventContract<?> contract, JsonNode data) {
        return schema(contract).validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    static JsonSchema schema(EventContract<?> contract) {
        return SCHEMAS.computeIfAbsent(contract, EventSchemas::load);
    }

    private static JsonSchema load(EventContract<?> contract) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(contract.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema on the classpath at " + contract.schemaResource());
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
