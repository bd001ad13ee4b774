package io.shequn.member.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.member.MemberApi.awaitEvent;
import static io.shequn.member.MemberApi.createOwn;
import static io.shequn.member.MemberApi.get;
import static io.shequn.member.MemberApi.member;
import static io.shequn.member.MemberApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class VerificationResourceTest {

    @Test
    void anOperatorVerifiesAMemberAndTheProfileAndEventShowIt() {
        UUID me = UUID.randomUUID();
        createOwn(me, Map.of("displayName", "Qian Yu"));

        given().auth().oauth2(operator()).contentType("application/json")
                .body(Map.of("method", "ID_CARD", "reference", "KYC-2026-000731"))
                .when().post("/api/v1/members/" + me + "/verification")
                .then().statusCode(200)
                .body("verification.verified", equalTo(true))
                .body("verification.method", equalTo("ID_CARD"))
                .body("verification.reference", equalTo("KYC-2026-000731"));

        JsonNode event = awaitEvent(Events.MEMBER_VERIFIED, me, data -> true);
        assertThat(event.get("verifiedAt").asText()).isNotBlank();
        get(member(UUID.randomUUID()), me).statusCode(200)
                .body("verification.verified", equalTo(true))
                .body("verification.verifiedAt", notNullValue())
                .body("verification.reference", nullValue());
        get(member(me), me).body("verification.reference", equalTo("KYC-2026-000731"));
    }

    @Test
    void membersCannotVerifyAnyoneNotEvenThemselves() {
        UUID me = UUID.randomUUID();
        createOwn(me, Map.of("displayName", "Qian Yu"));
        given().auth().oauth2(member(me)).contentType("application/json").body(Map.of("method", "MANUAL", "reference", "trust me"))
                .when().post("/api/v1/members/" + me + "/verification")
                .then().statusCode(403).contentType("application/problem+json");
        get(operator(), me).body("verification.verified", equalTo(false));
    }

    @Test
    void verifyingAnUnknownMemberIs404() {
        given().auth().oauth2(operator()).contentType("application/json").body(Map.of("method", "PHONE", "reference", "r"))
                .when().post("/api/v1/members/" + UUID.randomUUID() + "/verification").then().statusCode(404);
    }
}
