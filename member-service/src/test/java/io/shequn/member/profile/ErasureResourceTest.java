package io.shequn.member.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import static org.hamcrest.Matchers.nullValue;

/** The right to be forgotten: personal data goes, an anonymous tombstone keeps the id valid. */
@QuarkusTest
class ErasureResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void aMemberErasesThemselvesAndOnlyATombstoneRemains() throws Exception {
        UUID me = UUID.randomUUID();
        createOwn(me, Map.of("displayName", "Wang Fang", "region", "Chengdu", "occupation", "teacher", "tags", List.of("tea"),
                "bio", "Tea lover", "phone", "13900001111", "email", "fang@example.com"));
        given().auth().oauth2(operator()).contentType("application/json")
                .body(Map.of("method", "ID_CARD", "reference", "KYC-1"))
                .when().post("/api/v1/members/" + me + "/verification").then().statusCode(200);

        given().auth().oauth2(member(me)).when().delete("/api/v1/members/" + me).then().statusCode(204);

        get(operator(), me).statusCode(200)
                .body("id", equalTo(me.toString()))
                .body("erased", equalTo(true))
                .body("displayName", nullValue())
                .body("phone", nullValue())
                .body("email", nullValue())
                .body("bio", nullValue());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select display_name, region, occupation, cardinality(tags), bio, phone, email, verification_reference, erased_at "
                             + "from member where id = ?")) {
            select.setObject(1, me);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int column = 1; column <= 8; column++) {
                    Object value = row.getObject(column);
                    assertThat(value == null || Integer.valueOf(0).equals(value)).as("column " + column + " is empty").isTrue();
                }
                assertThat(row.getObject(9)).isNotNull();
            }
        }
        JsonNode event = awaitEvent(Events.MEMBER_ERASED, me, data -> true);
        assertThat(event.get("memberId").asText()).isEqualTo(me.toString());
    }

    @Test
    void anErasedMemberCannotBeEditedFoundOrVerifiedAndErasingAgainIsHarmless() {
        UUID me = UUID.randomUUID();
        createOwn(me, Map.of("displayName", "Zhao Lei", "tags", List.of("erasure-check")));
        String mine = member(me);
        given().auth().oauth2(mine).when().get("/api/v1/members/me").then().statusCode(200);   // verified, and remembered
        given().auth().oauth2(operator()).when().delete("/api/v1/members/" + me).then().statusCode(204);
        // The very next request with the same remembered token is refused.
        given().auth().oauth2(mine).when().get("/api/v1/members/me").then().statusCode(401)
                .body("type", equalTo("https://shequn.io/problems/member-erased"));

        given().auth().oauth2(operator()).when().delete("/api/v1/members/" + me).then().statusCode(204);
        // The erased member's still-valid token is refused: nothing personal can be saved again.
        saveOwn(me, Map.of("displayName", "Back again")).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://shequn.io/problems/member-erased"));
        given().auth().oauth2(operator()).contentType("application/json").body(Map.of("method", "PHONE", "reference", "x"))
                .when().post("/api/v1/members/" + me + "/verification").then().statusCode(409);
        given().auth().oauth2(operator()).queryParam("tag", "erasure-check").when().get("/api/v1/members")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void anotherMemberCannotEraseSomeoneElse() {
        UUID me = UUID.randomUUID();
        createOwn(me, Map.of("displayName", "Sun Li"));
        given().auth().oauth2(member(UUID.randomUUID())).when().delete("/api/v1/members/" + me)
                .then().statusCode(403).contentType("application/problem+json");
        get(operator(), me).body("erased", equalTo(false)).body("displayName", equalTo("Sun Li"));
    }

    @Test
    void erasingAnUnknownMemberIs404() {
        given().auth().oauth2(operator()).when().delete("/api/v1/members/" + UUID.randomUUID()).then().statusCode(404);
    }
}
