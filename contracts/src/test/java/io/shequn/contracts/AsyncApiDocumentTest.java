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

    /**
     * What a publisher needs from each message: the Kafka key, and an example in each mode
     * (binary for the topic, structured beside it, and the dead-letter record) whose data its
     * schema accepts.
     */
    @Test
    void everyMessageHasItsKafkaKeyAndAValidExampleInBothModes() {
        for (EventContract<?> contract : Events.all()) {
            List<JsonNode> messages = new ArrayList<>();
            for (JsonNode channel : document.get("channels")) {
                String address = channel.get("address").asText();
                if (address.equals(contract.topic()) || address.equals(contract.deadLetterTopic())) {
                    channel.get("messages").forEach(ref -> messages.add(document.at(ref.get("$ref").asText().substring(1))));
                }
            }
            assertThat(messages).as(contract.topic()).hasSize(3);
            assertThat(messages).extracting(m -> m.get("contentType").asText())
                    .contains("application/json", "application/cloudevents+json");
            for (JsonNode message : messages) {
                String what = contract.topic() + " " + message.get("title").asText();
                assertThat(message.at("/bindings/kafka/key/format").asText()).as(what).isEqualTo("uuid");
                assertThat(message.get("examples")).as(what).isNotEmpty();
                for (JsonNode example : message.get("examples")) {
                    boolean structured = message.get("contentType").asText().equals("application/cloudevents+json");
                    JsonNode data = structured ? example.at("/payload/data") : example.get("payload");
                    assertThat(EventSchemas.violations(contract, data)).as(what).isEmpty();
                    String type = structured ? example.at("/payload/type").asText() : example.at("/headers/ce_type").asText();
                    assertThat(type).as(what).isEqualTo(contract.type());
                    if (structured) {
                        assertThat(example.at("/headers/content-type").asText()).startsWith("application/cloudevents+json");
                        List.of("specversion", "id", "source", "time").forEach(attribute ->
                                assertThat(example.at("/payload/" + attribute).isTextual()).as(what + " " + attribute).isTrue());
                    } else {
                        List.of("ce_specversion", "ce_id", "ce_source", "ce_time").forEach(header ->
                                assertThat(example.at("/headers/" + header).isTextual()).as(what + " " + header).isTrue());
                    }
                }
            }
        }
    }

    @Test
    void theServerIsTheKafkaThatShequnUpStarts() {
        assertThat(document.at("/servers/kafka/host").asText()).isEqualTo("localhost:19092");
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
