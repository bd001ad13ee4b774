package io.shequn.member.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.member.MemberApi.awaitEvent;
import static io.shequn.member.MemberApi.createOwn;
import static io.shequn.member.MemberApi.get;
import static io.shequn.member.MemberApi.member;
import static io.shequn.member.MemberApi.operator;
import static io.shequn.member.MemberApi.saveOwn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** A member keeps their own self-introduction; others see it with contact details masked. */
@QuarkusTest
class OwnProfileResourceTest {

    private static final Map<String, Object> LI_LEI = Map.of(
            "displayName", "Li Lei", "region", "Hangzhou", "occupation", "designer", "tags", List.of("Hiking"),
            "bio", "Weekend hiker.", "phone", "13812345678", "email", "LiLei@Example.com");

    @Test
    void aMemberCreatesTheirProfileAndItIsPublished() {
        UUID me = UUID.randomUUID();
        saveOwn(me, LI_LEI).statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/members/" + me))
                .body("id", equalTo(me.toString()))
                .body("email", equalTo("lilei@example.com"))
                .body("inviteCode", matchesPattern("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"))
                .body("verification.verified", equalTo(false));

        JsonNode event = awaitEvent(Events.MEMBER_REGISTERED, me, data -> true);
        assertThat(event.get("displayName").asText()).isEqualTo("Li Lei");
        assertThat(event.has("phone")).as("events carry no contact details").isFalse();
        given().auth().oauth2(member(me)).when().get("/api/v1/members/me").then().statusCode(200).body("phone", equalTo("13812345678"));
    }

    @Test
    void updatingTheOwnProfilePublishesTheWholeProfileAfterTheChange() {
        UUID me = UUID.randomUUID();
        createOwn(me, LI_LEI);

        saveOwn(me, Map.of("displayName", "Li Lei", "region", "Shanghai", "occupation", "architect", "tags", List.of("tea", "Hiking")))
                .statusCode(200)
                .body("region", equalTo("Shanghai"))
                .body("tags", equalTo(List.of("tea", "hiking")))
                .body("phone", nullValue());

        JsonNode event = awaitEvent(Events.MEMBER_UPDATED, me, data -> "Shanghai".equals(data.path("region").asText()));
        assertThat(event.get("occupation").asText()).isEqualTo("architect");
        assertThat(event.get("tags")).hasSize(2);
    }

    @Test
    void othersSeeContactDetailsMaskedWhileTheMemberAndOperatorsSeeThemWhole() {
        UUID me = UUID.randomUUID();
        createOwn(me, LI_LEI);

        get(member(UUID.randomUUID()), me).statusCode(200)
                .body("displayName", equalTo("Li Lei"))
                .body("phone", equalTo("138****5678"))
                .body("email", equalTo("l***@example.com"))
                .body("inviteCode", nullValue());
        get(member(me), me).statusCode(200).body("phone", equalTo("13812345678")).body("email", equalTo("lilei@example.com"));
        get(operator(), me).statusCode(200).body("phone", equalTo("13812345678")).body("inviteCode", matchesPattern("[A-Z2-9]{8}"));
    }

    @Test
    void anotherMemberCannotUpdateAProfileButAnOperatorCan() {
        UUID me = UUID.randomUUID();
        createOwn(me, LI_LEI);

        given().auth().oauth2(member(UUID.randomUUID())).contentType("application/json").body(Map.of("displayName", "Hijacked"))
                .when().put("/api/v1/members/" + me).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(member(me)).contentType("application/json").body(Map.of("displayName", "Li Lei (me)"))
                .when().put("/api/v1/members/" + me).then().statusCode(200).body("displayName", equalTo("Li Lei (me)"));
        given().auth().oauth2(operator()).contentType("application/json").body(Map.of("displayName", "Li Lei (checked)"))
                .when().put("/api/v1/members/" + me).then().statusCode(200).body("displayName", equalTo("Li Lei (checked)"));
        get(operator(), me).body("displayName", equalTo("Li Lei (checked)"));
    }

    @Test
    void updatingAnUnknownMemberIs404AndReadingOnesOwnMissingProfileIs404() {
        given().auth().oauth2(operator()).contentType("application/json").body(Map.of("displayName", "Nobody"))
                .when().put("/api/v1/members/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(member(UUID.randomUUID())).when().get("/api/v1/members/me").then().statusCode(404);
    }

    @Test
    void twoFirstSavesRacingEachOtherBothSucceed() throws Exception {
        UUID me = UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> saveOwn(me, LI_LEI).extract().statusCode()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).containsOnly(200, 201);
            assertThat(codes).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
    }
}
