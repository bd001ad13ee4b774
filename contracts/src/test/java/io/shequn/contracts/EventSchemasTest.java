package io.shequn.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

    static List<EventContract<?>> contracts() {
        return Events.all();
    }

    static Stream<EventContract<?>> contractsWithEnums() {
        return Events.all().stream().filter(c -> !Samples.propertiesWith(c, "enum").isEmpty());
    }

    @Test
    void everyContractHasASample() {
        assertThat(Samples.all().keySet()).containsExactlyInAnyOrderElementsOf(Events.all());
        Samples.all().forEach((contract, sample) -> assertThat(sample).isInstanceOf(contract.dataType()));
    }

    @Test
    void enumCheckIsNotVacuous() {
        assertThat(contractsWithEnums()).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void sampleValidates(EventContract<?> contract) {
        assertThat(EventSchemas.violations(contract, Samples.json(contract))).isEmpty();
    }

    /** Otherwise a field the sample leaves out would never be checked against its schema. */
    @ParameterizedTest
    @MethodSource("contracts")
    void sampleSetsEverySchemaProperty(EventContract<?> contract) {
        assertThat(Samples.json(contract).properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrderElementsOf(Samples.properties(contract));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void schemaDescribesExactlyTheRecordComponents(EventContract<?> contract) {
        List<String> components = Arrays.stream(contract.dataType().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(Samples.properties(contract)).containsExactlyInAnyOrderElementsOf(components);
        assertThat(Samples.required(contract)).isNotEmpty().isSubsetOf(components);
    }

    /** A schema enum that drifts from the Java enum would let through events we cannot parse. */
    @ParameterizedTest
    @MethodSource("contractsWithEnums")
    void schemaEnumsMatchJavaEnums(EventContract<?> contract) {
        for (String property : Samples.propertiesWith(contract, "enum")) {
            Class<?> type = contract.dataType().getRecordComponents()[indexOf(contract, property)].getType();
            assertThat(type.isEnum()).as(property).isTrue();
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            List<String> listed = Samples.schema(contract).path("properties").path(property).path("enum")
                    .valueStream().map(JsonNode::asText).toList();
            assertThat(listed).as(property).containsExactlyElementsOf(constants);
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void optionalFieldsMayBeOmitted(EventContract<?> contract) {
        ObjectNode data = Samples.json(contract);
        data.remove(Samples.optional(contract));
        assertThat(EventSchemas.violations(contract, data)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void optionalFieldsMayBeNull(EventContract<?> contract) throws Exception {
        ObjectNode data = Samples.json(contract);
        Samples.optional(contract).forEach(data::putNull);
        assertThat(EventSchemas.violations(contract, data)).isEmpty();
        assertThat(EventJson.mapper().treeToValue(data, contract.dataType())).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void missingRequiredFieldIsRejected(EventContract<?> contract) {
        assertThat(Samples.required(contract)).isNotEmpty();
        for (String field : Samples.required(contract)) {
            ObjectNode data = Samples.json(contract);
            data.remove(field);
            assertThat(EventSchemas.violations(contract, data)).as(field).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void requiredFieldSetToNullIsRejected(EventContract<?> contract) {
        for (String field : Samples.required(contract)) {
            ObjectNode data = Samples.json(contract);
            data.putNull(field);
            assertThat(EventSchemas.violations(contract, data)).as(field).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void wrongUuidIsRejected(EventContract<?> contract) {
        List<String> uuids = Samples.propertiesWith(contract, "format").stream()
                .filter(p -> isFormat(contract, p, "uuid"))
                .toList();
        assertThat(uuids).isNotEmpty();
        for (String field : uuids) {
            ObjectNode data = Samples.json(contract);
            if (data.get(field).isArray()) {
                data.putArray(field).add("not-a-uuid");
            } else {
                data.put(field, "not-a-uuid");
            }
            assertThat(EventSchemas.violations(contract, data)).as(field).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("contractsWithEnums")
    void wrongEnumValueIsRejected(EventContract<?> contract) {
        for (String field : Samples.propertiesWith(contract, "enum")) {
            ObjectNode wrong = Samples.json(contract);
            wrong.put(field, "NOT_A_VALUE");
            assertThat(EventSchemas.violations(contract, wrong)).as(field).isNotEmpty();

            // Enum names are case-sensitive on the wire, as they are for Jackson.
            ObjectNode lowerCase = Samples.json(contract);
            lowerCase.put(field, lowerCase.get(field).asText().toLowerCase());
            assertThat(EventSchemas.violations(contract, lowerCase)).as(field).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void wrongTimestampIsRejected(EventContract<?> contract) {
        List<String> timestamps = Samples.propertiesWith(contract, "format").stream()
                .filter(p -> isFormat(contract, p, "date-time"))
                .toList();
        for (String field : timestamps) {
            ObjectNode data = Samples.json(contract);
            data.put(field, "2025-03-01 10:00");
            assertThat(EventSchemas.violations(contract, data)).as(field).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void unknownFieldsAreAccepted(EventContract<?> contract) throws Exception {
        ObjectNode data = Samples.json(contract);
        data.put("addedInALaterVersion", "x");
        data.putObject("nestedAddition").put("n", 1);
        assertThat(EventSchemas.violations(contract, data)).isEmpty();
        assertThat(EventJson.mapper().treeToValue(data, contract.dataType())).isEqualTo(Samples.of(contract));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void roundTripsThroughJson(EventContract<?> contract) throws Exception {
        String json = EventJson.mapper().writeValueAsString(Samples.of(contract));
        assertThat(EventJson.mapper().readValue(json, contract.dataType())).isEqualTo(Samples.of(contract));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void timestampsAreWrittenAsRfc3339Text(EventContract<?> contract) {
        ObjectNode data = Samples.json(contract);
        Samples.propertiesWith(contract, "format").stream()
                .filter(p -> isFormat(contract, p, "date-time"))
                .forEach(p -> assertThat(data.get(p).asText()).as(p).isEqualTo("2025-03-01T02:03:04.123Z"));
    }

    /** Bounds that matter to consumers: a value one step outside is rejected, the edge is accepted. */
    static Stream<Arguments> bounds() {
        return Stream.of(
                bound(Events.POINTS_CHANGED, "negative delta", true, d -> d.put("delta", -1_000)),
                bound(Events.POINTS_CHANGED, "zero balance", true, d -> d.put("balance", 0)),
                bound(Events.POINTS_CHANGED, "negative balance", false, d -> d.put("balance", -1)),
                bound(Events.POINTS_CHANGED, "blank reason", false, d -> d.put("reason", "")),
                bound(Events.GROUP_HEALTH_CHANGED, "score 0", true, d -> d.put("score", 0)),
                bound(Events.GROUP_HEALTH_CHANGED, "score 100", true, d -> d.put("score", 100)),
                bound(Events.GROUP_HEALTH_CHANGED, "score 101", false, d -> d.put("score", 101)),
                bound(Events.GROUP_HEALTH_CHANGED, "score -1", false, d -> d.put("score", -1)),
                bound(Events.GROUP_HEALTH_CHANGED, "fractional score", false, d -> d.put("score", 42.5)),
                bound(Events.RED_PACKET_GRABBED, "negative amount", false, d -> d.put("amount", -1)),
                bound(Events.RED_PACKET_GRABBED, "lower-case currency", false, d -> d.put("currency", "cny")),
                bound(Events.RED_PACKET_GRABBED, "currency symbol", false, d -> d.put("currency", "¥")),
                bound(Events.RED_PACKET_GRABBED, "points", true, d -> d.put("currency", "POINTS")),
                bound(Events.RED_PACKET_GRABBED, "lower-case points", false, d -> d.put("currency", "points")),
                bound(Events.RED_PACKET_SENT, "count 1000", true, d -> d.put("count", 1000)),
                bound(Events.RED_PACKET_SENT, "count 1001", false, d -> d.put("count", 1001)),
                bound(Events.RED_PACKET_SENT, "count 0", false, d -> d.put("count", 0)),
                bound(Events.RED_PACKET_SENT, "total 0", false, d -> d.put("totalAmount", 0)),
                bound(Events.RED_PACKET_FINISHED, "negative refund", false, d -> d.put("refundedAmount", -1)),
                bound(Events.RED_PACKET_FINISHED, "best luck of 0", false, d -> d.put("bestLuckAmount", 0)),
                bound(Events.LOTTERY_DRAWN, "seed in upper case", false, d -> d.put("seed", "B".repeat(64))),
                bound(Events.LOTTERY_DRAWN, "short hash", false, d -> d.put("entryListHash", "c".repeat(63))),
                bound(Events.LOTTERY_DRAWN, "no winners", true, d -> d.putArray("winners")),
                bound(Events.LOTTERY_DRAWN, "winner without member", false, d -> ((ObjectNode) d.get("winners").get(0)).remove("memberId")),
                bound(Events.LOTTERY_DRAWN, "prize position 0", false, d -> ((ObjectNode) d.get("winners").get(0)).put("prizePosition", 0)),
                bound(Events.LOTTERY_ENTERED, "free entry", true, d -> d.put("cost", 0)),
                bound(Events.LOTTERY_ENTERED, "negative cost", false, d -> d.put("cost", -1)),
                bound(Events.ACTIVITY_SCHEDULED, "version 0", false, d -> d.put("version", 0)),
                bound(Events.ACTIVITY_SCHEDULED, "capacity 0", false, d -> d.put("capacity", 0)),
                bound(Events.ACTIVITY_SCHEDULED, "blank title", false, d -> d.put("title", "")),
                bound(Events.PURCHASE, "zero amount", true, d -> d.put("amount", 0)),
                bound(Events.PURCHASE, "negative amount", false, d -> d.put("amount", -1)),
                bound(Events.PURCHASE, "four-letter currency", false, d -> d.put("currency", "CNYX")),
                bound(Events.PURCHASE, "no items", true, d -> d.putArray("items")),
                bound(Events.PURCHASE, "zero quantity", false, d -> item(d).put("quantity", 0)),
                bound(Events.PURCHASE, "negative unit amount", false, d -> item(d).put("unitAmount", -1)),
                bound(Events.PURCHASE, "item without sku", false, d -> item(d).remove("sku")),
                bound(Events.MESSAGE_POSTED, "text of 4000", true, d -> d.put("text", "字".repeat(4000))),
                bound(Events.MESSAGE_POSTED, "text of 4001", false, d -> d.put("text", "字".repeat(4001))),
                bound(Events.MESSAGE_POSTED, "negative length", false, d -> d.put("length", -1)),
                bound(Events.MESSAGE_POSTED, "no mentions", true, d -> d.putArray("mentions")),
                bound(Events.MESSAGE_FLAGGED, "no matched words", false, d -> d.putArray("matchedWords")),
                bound(Events.MESSAGE_FLAGGED, "blank matched word", false, d -> d.putArray("matchedWords").add("")),
                bound(Events.CHECKED_IN, "streak 0", false, d -> d.put("streak", 0)),
                bound(Events.CHECKED_IN, "negative points", false, d -> d.put("pointsAwarded", -1)),
                bound(Events.CHECKED_IN, "day with time", false, d -> d.put("day", "2025-03-01T00:00:00Z")),
                bound(Events.CHECKED_IN, "impossible day", false, d -> d.put("day", "2025-02-30")),
                bound(Events.GROUP_CREATED, "offset instead of zone", false, d -> d.put("timeZone", "+08:00")),
                bound(Events.GROUP_CREATED, "UTC zone", true, d -> d.put("timeZone", "UTC")),
                bound(Events.GROUP_CREATED, "blank name", false, d -> d.put("name", "")),
                bound(Events.MEMBER_UPDATED, "21 tags", false, d -> {
                    ArrayNode tags = d.putArray("tags");
                    for (int i = 0; i < 21; i++) {
                        tags.add("t" + i);
                    }
                }),
                bound(Events.MEMBER_JOINED, "timestamp with offset", true, d -> d.put("joinedAt", "2025-03-01T10:03:04+08:00")));
    }

    @ParameterizedTest(name = "{0} {1}: valid={2}")
    @MethodSource("bounds")
    void boundsAreEnforced(String topic, String what, boolean valid, EventContract<?> contract, Consumer<ObjectNode> change) {
        ObjectNode data = Samples.json(contract);
        change.accept(data);
        List<String> violations = EventSchemas.violations(contract, data);
        if (valid) {
            assertThat(violations).as(what).isEmpty();
        } else {
            assertThat(violations).as(what).isNotEmpty();
        }
    }

    private static Arguments bound(EventContract<?> contract, String what, boolean valid, Consumer<ObjectNode> change) {
        return Arguments.of(contract.topic(), what, valid, contract, change);
    }

    private static ObjectNode item(ObjectNode purchase) {
        return (ObjectNode) purchase.get("items").get(0);
    }

    private static boolean isFormat(EventContract<?> contract, String property, String format) {
        JsonNode node = Samples.schema(contract).path("properties").path(property);
        return format.equals(node.path("format").asText()) || format.equals(node.path("items").path("format").asText());
    }

    private static int indexOf(EventContract<?> contract, String property) {
        RecordComponent[] components = contract.dataType().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(property)) {
                return i;
            }
        }
        throw new IllegalArgumentException(property);
    }
}
