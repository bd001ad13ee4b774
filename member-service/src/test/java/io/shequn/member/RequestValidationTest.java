package io.shequn.member;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.shequn.member.MemberApi.createOwn;
import static io.shequn.member.MemberApi.operator;
import static org.hamcrest.Matchers.hasItem;

/** Every request field refuses bad input with a 400 problem that names the field. */
@QuarkusTest
class RequestValidationTest {

    static Stream<Arguments> badProfiles() {
        return Stream.of(
                Arguments.of("displayName", null),
                Arguments.of("displayName", "   "),
                Arguments.of("displayName", "x".repeat(65)),
                Arguments.of("region", "x".repeat(65)),
                Arguments.of("occupation", "x".repeat(65)),
                Arguments.of("tags", Collections.nCopies(21, "tag")),
                Arguments.of("tags[0]", List.of("x".repeat(33))),
                Arguments.of("tags[0]", List.of(" ")),
                Arguments.of("tags", Map.of("not", "a list")),
                Arguments.of("bio", "x".repeat(501)),
                Arguments.of("phone", "138-1234-5678"),
                Arguments.of("phone", "12345"),
                Arguments.of("email", "not-an-email"),
                Arguments.of("email", "a@b"),
                Arguments.of("email", "a".repeat(250) + "@example.com"),
                Arguments.of("inviteCode", "K7M2Q9X"),
                Arguments.of("inviteCode", "K7M2Q9X0"),
                Arguments.of("displayName", List.of("wrong", "type")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badProfiles")
    void registerRefusesABadProfileNamingTheField(String field, Object value) {
        given().auth().oauth2(operator()).contentType("application/json").body(profileWith(field, value))
                .when().post("/api/v1/members")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badProfiles")
    void ownProfileUpdateRefusesABadProfileNamingTheField(String field, Object value) {
        UUID me = UUID.randomUUID();
        given().auth().oauth2(MemberApi.member(me)).contentType("application/json").body(profileWith(field, value))
                .when().put("/api/v1/members/me")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    static Stream<Arguments> badVerifications() {
        return Stream.of(
                Arguments.of("method", Map.of("reference", "r")),
                Arguments.of("method", Map.of("method", "HANDSHAKE", "reference", "r")),
                Arguments.of("reference", Map.of("method", "ID_CARD")),
                Arguments.of("reference", Map.of("method", "ID_CARD", "reference", "x".repeat(129))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badVerifications")
    void verificationRefusesBadInputNamingTheField(String field, Map<String, Object> body) {
        UUID member = UUID.randomUUID();
        createOwn(member, Map.of("displayName", "To verify"));
        given().auth().oauth2(operator()).contentType("application/json").body(body)
                .when().post("/api/v1/members/" + member + "/verification")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("/api/v1/members", "tag", "x".repeat(33)),
                Arguments.of("/api/v1/members", "region", "x".repeat(65)),
                Arguments.of("/api/v1/members", "occupation", "x".repeat(65)),
                Arguments.of("/api/v1/members", "q", "x".repeat(65)),
                Arguments.of("/api/v1/members", "page", "-1"),
                Arguments.of("/api/v1/members", "size", "0"),
                Arguments.of("/api/v1/members", "size", "101"),
                Arguments.of("/api/v1/members/{id}/referrals", "depth", "0"),
                Arguments.of("/api/v1/members/{id}/referrals", "depth", "6"));
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @MethodSource("badQueries")
    void queriesRefuseBadParametersNamingThem(String path, String parameter, String value) {
        given().auth().oauth2(operator()).queryParam(parameter, value)
                .when().get(path.replace("{id}", UUID.randomUUID().toString()))
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(parameter));
    }

    private static Map<String, Object> profileWith(String field, Object value) {
        Map<String, Object> profile = new HashMap<>(Map.of("displayName", "Valid Name", "tags", List.of("ok")));
        String key = field.replaceAll("\\[\\d+]$", "");
        if (value == null) {
            profile.remove(key);
        } else {
            profile.put(key, value);
        }
        return profile;
    }
}
