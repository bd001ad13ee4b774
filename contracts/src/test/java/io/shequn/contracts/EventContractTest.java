package io.shequn.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTest {

    /**
     * The topics table of shared/events.md, then the project's own additions (docs/events.md);
     * a contract missing here is missing from the suite.
     */
    private static final List<String> CATALOGUE = List.of(
            "member-registered", "member-updated", "member-verified", "member-erased",
            "group-created", "member-joined", "member-left", "member-role-changed",
            "message-posted", "message-flagged", "checked-in", "points-changed",
            "red-packet-grabbed", "activity-attended", "purchase", "group-health-changed",
            "red-packet-sent", "red-packet-finished", "lottery-entered", "lottery-drawn",
            "activity-scheduled");

    static List<EventContract<?>> contracts() {
        return Events.all();
    }

    @Test
    void coversTheCatalogue() {
        assertThat(Events.all()).extracting(EventContract::topic).containsExactlyInAnyOrderElementsOf(CATALOGUE);
    }

    @Test
    void topicsAreUnique() {
        assertThat(Events.all()).extracting(EventContract::topic).doesNotHaveDuplicates();
    }

    @Test
    void dataTypesAreUnique() {
        assertThat(Events.all()).extracting(EventContract::dataType).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void typeIsShequnTopicVersion(EventContract<?> contract) {
        assertThat(contract.version()).isEqualTo(1);
        assertThat(contract.type()).isEqualTo("shequn." + contract.topic() + ".v1");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void deadLetterTopicIsTopicDotDlq(EventContract<?> contract) {
        assertThat(contract.deadLetterTopic()).isEqualTo(contract.topic() + ".dlq");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void byTypeFindsIt(EventContract<?> contract) {
        assertThat(Events.byType(contract.type())).containsSame(contract);
    }

    @Test
    void byTypeIgnoresUnknownTypes() {
        assertThat(Events.byType("shequn.member-registered.v2")).isEmpty();
        assertThat(Events.byType("member-registered")).isEmpty();
        assertThat(Events.byType("shequn.red-packet-sent.v2")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void schemaResourceExistsAndNamesItsTopic(EventContract<?> contract) {
        assertThat(EventContract.class.getResource(contract.schemaResource())).isNotNull();
        assertThat(contract.schemaResource()).isEqualTo("/schemas/" + contract.topic() + ".v1.schema.json");
        var schema = Samples.schema(contract);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).endsWith("/schemas/" + contract.topic() + ".v1.schema.json");
        assertThat(schema.path("title").asText()).isEqualTo(contract.topic() + " v1");
        assertThat(schema.path("description").asText()).contains("Kafka key");
        // Consumers must ignore unknown fields, so no schema may forbid them.
        assertThat(schema.has("additionalProperties")).isFalse();
        assertThat(EventSchemas.schema(contract)).isNotNull();
    }

    /** Group-scoped (groupId required) events are keyed by group, all others by member. */
    @ParameterizedTest
    @MethodSource("contracts")
    void aggregateIdIsGroupForGroupScopedEventsElseMember(EventContract<?> contract) {
        var data = Samples.json(contract);
        String key = Samples.required(contract).contains("groupId") ? "groupId" : "memberId";
        assertThat(Samples.of(contract).aggregateId()).isEqualTo(UUID.fromString(data.get(key).asText()));
        assertThat(Samples.schema(contract).path("description").asText()).contains("Kafka key: " + key);
    }

    @Test
    void rejectsInvalidDefinitions() {
        assertThatThrownBy(() -> new EventContract<>("x", 0, io.shequn.contracts.events.MemberErased.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
