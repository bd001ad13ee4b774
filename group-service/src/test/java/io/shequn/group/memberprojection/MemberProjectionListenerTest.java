package io.shequn.group.memberprojection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.createGroup;
import static io.shequn.group.GroupApi.kafka;
import static io.shequn.localstack.CloudEventRecords.binary;
import static io.shequn.localstack.CloudEventRecords.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

/**
 * requireVerified and required intro fields are decided from group-service's own projection of
 * member-service's events, fed here by real events on Kafka.
 */
@QuarkusTest
class MemberProjectionListenerTest {

    private static final Duration FRESH = Duration.ofSeconds(20);

    @Test
    void requireVerifiedIsDecidedByARealMemberVerifiedEvent() {
        UUID group = createGroup(UUID.randomUUID(), Map.of("admission", Map.of("mode", "OPEN", "requireVerified", true)));
        UUID member = UUID.randomUUID();
        join(group, member, Map.of()).then().statusCode(403)
                .body("type", equalTo("https://shequn.io/problems/verification-required"));

        kafka().send(binary("member-verified", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-verified.v1", Instant.now(),
                "{\"memberId\":\"" + member + "\",\"verifiedAt\":\"" + Instant.now() + "\"}"));

        await().atMost(FRESH).until(() -> join(group, member, Map.of()).statusCode() == 201);
        as(member).when().get("/api/v1/groups/" + group + "/members/" + member).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void requiredIntroFieldsAreAnsweredFromTheProjectedProfileOrTheRequest() {
        UUID group = createGroup(UUID.randomUUID(), Map.of("admission",
                Map.of("mode", "OPEN", "requiredIntroFields", List.of("region", "occupation"))));
        UUID member = UUID.randomUUID();
        join(group, member, Map.of()).then().statusCode(422)
                .body("type", equalTo("https://shequn.io/problems/introduction-required"));

        kafka().send(structured("member-registered", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-registered.v1", Instant.now(),
                "{\"memberId\":\"" + member + "\",\"displayName\":\"Li Lei\",\"region\":\"Hangzhou\",\"tags\":[],"
                        + "\"registeredAt\":\"" + Instant.now() + "\"}"));

        // Once the profile is projected, only the occupation is missing.
        await().atMost(FRESH).until(() -> {
            String detail = join(group, member, Map.of()).jsonPath().getString("detail");
            return detail != null && detail.contains("occupation") && !detail.contains("region");
        });
        join(group, member, Map.of("occupation", "designer")).then().statusCode(201)
                .body("intro.occupation", equalTo("designer"));
    }

    @Test
    void anErasedMemberLosesVerificationAndTheirIntroAnswers() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID open = createGroup(owner, Map.of("admission", Map.of("mode", "OPEN", "requiredIntroFields", List.of("hobby"))));
        UUID verifiedOnly = createGroup(owner, Map.of("admission", Map.of("mode", "OPEN", "requireVerified", true)));
        kafka().send(binary("member-verified", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-verified.v1", Instant.now(),
                "{\"memberId\":\"" + member + "\",\"verifiedAt\":\"" + Instant.now() + "\"}"));
        join(open, member, Map.of("hobby", "hiking")).then().statusCode(201);
        await().atMost(FRESH).until(() -> join(verifiedOnly, member, Map.of()).statusCode() == 201);
        as(member).when().delete("/api/v1/groups/" + verifiedOnly + "/members/" + member).then().statusCode(200);

        kafka().send(binary("member-erased", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-erased.v1", Instant.now(),
                "{\"memberId\":\"" + member + "\",\"erasedAt\":\"" + Instant.now() + "\"}"));

        await().atMost(FRESH).untilAsserted(() -> as(owner).when().get("/api/v1/groups/" + open + "/members/" + member)
                .then().body("intro", anEmptyMap()));
        // Erased: the member's still-valid token is refused outright.
        Response again = join(verifiedOnly, member, Map.of());
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.jsonPath().getString("type")).isEqualTo("https://shequn.io/problems/member-erased");
    }

    @Test
    void memberUpdatedReplacesTheProfileAndAnOlderEventArrivingLaterDoesNotUndoIt() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        UUID first = createGroup(owner, Map.of("admission", Map.of("mode", "OPEN", "requiredIntroFields", List.of("occupation"))));
        UUID second = createGroup(owner, Map.of("admission", Map.of("mode", "OPEN", "requiredIntroFields", List.of("occupation"))));
        UUID markerGroup = createGroup(owner, Map.of("admission", Map.of("mode", "OPEN", "requiredIntroFields", List.of("region"))));
        Instant older = Instant.now().minusSeconds(60);
        Instant newer = Instant.now();

        kafka().send(binary("member-updated", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-updated.v1", newer,
                "{\"memberId\":\"" + member + "\",\"displayName\":\"Li Lei\",\"occupation\":\"designer\",\"tags\":[]}"));
        await().atMost(FRESH).until(() -> join(first, member, Map.of()).statusCode() == 201);

        // A registration from before the update arrives late, then a marker on the same partition.
        kafka().send(binary("member-registered", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-registered.v1", older,
                "{\"memberId\":\"" + member + "\",\"displayName\":\"Li Lei\",\"tags\":[],\"registeredAt\":\"" + older + "\"}"));
        kafka().send(binary("member-registered", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-registered.v1", newer,
                "{\"memberId\":\"" + marker + "\",\"displayName\":\"Marker\",\"region\":\"Hangzhou\",\"tags\":[],"
                        + "\"registeredAt\":\"" + newer + "\"}"));
        await().atMost(FRESH).until(() -> join(markerGroup, marker, Map.of()).statusCode() == 201);

        join(second, member, Map.of()).then().statusCode(201);
    }

    private static Response join(UUID group, UUID member, Map<String, String> intro) {
        return as(member).body(Map.of("intro", intro)).when().post("/api/v1/groups/" + group + "/members");
    }
}
