package io.shequn.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** asyncapi.json describes exactly the catalogue in {@link Events}, each topic with its schema and dead-letter topic. */
class AsyncApiDocumentTest {

    private final JsonNode document = read("/asyncapi.json");

    @Test
    void everyContractHasItsChannelMessageSchemaAndDeadLetterChannel() {
        Set<String> addresses = new HashSet<>();
        document.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        List<String> expected = new ArrayList<>();
        for (EventContract<?> contract : Events.all()) {
            expected.add(contract.topic());
            expected.add(contract.deadLetterTopic());
            JsonNode message = messageOf(contract.topic());
            assertThat(message.get("name").asText()).as(contract.topic()).isEqualTo(contract.type());
            String schema = message.at("/payload/$ref").asText();
            assertThat("/" + schema.substring(2)).as(contract.topic()).isEqualTo(contract.schemaResource());
            assertThat(AsyncApiDocumentTest.class.getResource(contract.schemaResource())).as(schema).isNotNull();
        }
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collect(document, references);
        for (String reference : references) {
            if (reference.startsWith("#/")) {
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
            } else {
                assertThat(AsyncApiDocumentTest.class.getResource("/" + reference.substring(2))).as(reference).isNotNull();
            }
        }
        assertThat(references).hasSizeGreaterThan(Events.all().size() * 4);
        document.get("operations").forEach(operation ->
                assertThat(operation.get("action").asText()).isIn("send", "receive"));
    }

    private JsonNode messageOf(String topic) {
        for (JsonNode channel : document.get("channels")) {
            if (channel.get("address").asText().equals(topic)) {
                String reference = channel.get("messages").elements().next().get("$ref").asText();
                return document.at(reference.substring(1));
            }
        }
        throw new AssertionError("No channel for " + topic);
    }

    private static void collect(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, references));
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
