package io.shequn.member.profile;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MemberResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final String operator = LocalStack.shared().tokens().operator(UUID.randomUUID());

    @Test
    void registersAndReadsAMember() {
        String id = given().auth().oauth2(operator).contentType("application/json")
                .body(Map.of("displayName", " Li Lei ", "region", "Hangzhou", "occupation", "designer",
                        "tags", List.of("Hiking ", "hiking", "Photo  Walks")))
                .when().post("/api/v1/members")
                .then().statusCode(201)
                .body("displayName", equalTo("Li Lei"))
                .extract().path("id");

        given().auth().oauth2(LocalStack.shared().tokens().member(UUID.randomUUID()))
                .when().get("/api/v1/members/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("region", equalTo("Hangzhou"))
                .body("occupation", equalTo("designer"))
                .body("tags", equalTo(List.of("hiking", "photo walks")))
                .body("registeredAt", notNullValue());
    }

    @Test
    void theLocationHeaderPointsAtTheNewMember() {
        String location = given().auth().oauth2(operator).contentType("application/json")
                .body(Map.of("displayName", "Han Meimei"))
                .when().post("/api/v1/members")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(operator).when().get(location).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aMissingDisplayNameIsA400NamingTheField() {
        given().auth().oauth2(operator).contentType("application/json")
                .body(Map.of("region", "Hangzhou"))
                .when().post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("violations.field", hasItem("displayName"));
    }

    @Test
    void aTooLongDisplayNameAndTooManyTagsAreBothReported() {
        given().auth().oauth2(operator).contentType("application/json")
                .body(Map.of("displayName", "x".repeat(65), "tags", Collections.nCopies(21, "tag")))
                .when().post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("displayName"))
                .body("violations.field", hasItem("tags"));
    }

    @Test
    void aFieldOfTheWrongTypeIsA400NamingTheField() {
        given().auth().oauth2(operator).contentType("application/json")
                .body("{\"displayName\":\"Li Lei\",\"tags\":{\"not\":\"a list\"}}")
                .when().post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("tags"));
    }

    @Test
    void unparseableJsonIsA400() {
        given().auth().oauth2(operator).contentType("application/json")
                .body("{\"displayName\":")
                .when().post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aMissingTokenIs401() {
        given().contentType("application/json").body(Map.of("displayName", "Li Lei"))
                .when().post("/api/v1/members")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().when().get("/api/v1/members/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = LocalStack.shared().tokens().sign(UUID.randomUUID(), Set.of("member", "operator"), Duration.ofHours(-1));
        given().auth().oauth2(expired).contentType("application/json").body(Map.of("displayName", "Li Lei"))
                .when().post("/api/v1/members")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheClockSkewIs401() {
        UUID member = UUID.randomUUID();
        String fromTheFuture = LocalStack.shared().tokens().issuedAt(member, Instant.now().plus(Duration.ofMinutes(10)));
        given().auth().oauth2(fromTheFuture).when().get("/api/v1/members/me")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        // Accepted: the caller is known (404: no profile yet), not refused as unauthenticated.
        String withinTheSkew = LocalStack.shared().tokens().issuedAt(member, Instant.now().plus(Duration.ofSeconds(20)));
        given().auth().oauth2(withinTheSkew).when().get("/api/v1/members/me")
                .then().statusCode(404).body("type", equalTo("https://shequn.io/problems/not-found"));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        UUID member = UUID.randomUUID();
        // exp lies 50 s in the past: within SmallRye JWT's 60 s clock skew for about 10 s more.
        String expiring = LocalStack.shared().tokens().issuedAt(member, Instant.now().minus(Duration.ofHours(1)).minusSeconds(50));
        given().auth().oauth2(expiring).when().get("/api/v1/members/me").then().statusCode(404);
        given().auth().oauth2(expiring).when().get("/api/v1/members/me").then().statusCode(404);   // now from the cache
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(expiring).when().get("/api/v1/members/me").then().statusCode(401).contentType(PROBLEM_JSON));
    }

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromTheCache() {
        String token = LocalStack.shared().tokens().member(UUID.randomUUID());
        given().auth().oauth2(token).when().get("/api/v1/members/me").then().statusCode(404);
        double hits = verifiedTokenHits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/members/me").then().statusCode(404);
        }
        assertThat(verifiedTokenHits()).isGreaterThanOrEqualTo(hits + 3);
    }

    /** cache_gets_total of the platform's verified tokens (VerifiedTokens), result hit, from /q/metrics. */
    private static double verifiedTokenHits() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"verified-tokens\"")
                        && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no cache_gets_total for verified-tokens in /q/metrics"));
    }

    @Test
    void aMemberTokenOnAnOperatorEndpointIs403() {
        given().auth().oauth2(LocalStack.shared().tokens().member(UUID.randomUUID()))
                .contentType("application/json").body(Map.of("displayName", "Li Lei"))
                .when().post("/api/v1/members")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("status", equalTo(403));
    }

    @Test
    void anUnknownMemberIs404() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(operator).when().get("/api/v1/members/" + unknown)
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("detail", containsString(unknown.toString()));
    }

    @Test
    void aMalformedIdIs404NotA500() {
        given().auth().oauth2(operator).when().get("/api/v1/members/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithExamples() {
        var openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> endpoints = Map.of(
                "/api/v1/members", List.of("post", "get"),
                "/api/v1/members/me", List.of("get", "put"),
                "/api/v1/members/{id}", List.of("get", "put", "delete"),
                "/api/v1/members/{id}/verification", List.of("post"),
                "/api/v1/members/{id}/referrals", List.of("get"),
                "/api/v1/members/{id}/referrals/summary", List.of("get"),
                "/api/v1/members/import", List.of("post"));
        endpoints.forEach((path, methods) -> methods.forEach(method -> {
            String operation = "paths.'" + path + "'." + method;
            org.assertj.core.api.Assertions.assertThat(openApi.getString(operation + ".summary")).as(operation).isNotBlank();
            org.assertj.core.api.Assertions.assertThat(openApi.getMap(operation + ".responses")).as(operation).isNotEmpty();
        }));
        for (String schema : List.of("MemberProfileRequest", "Member", "VerificationRequest", "ImportRow", "ReferralTree")) {
            org.assertj.core.api.Assertions.assertThat(openApi.getMap("components.schemas." + schema + ".properties")).as(schema).isNotEmpty();
        }
        // OpenAPI 3.1 lists examples under "examples".
        org.assertj.core.api.Assertions.assertThat(openApi.getMap("components.schemas.MemberProfileRequest.properties.displayName"))
                .extracting(property -> String.valueOf(property.get("examples")) + property.get("example")).asString().contains("Li Lei");
        org.assertj.core.api.Assertions.assertThat(openApi.getString("components.securitySchemes.SecurityScheme.scheme")).isEqualTo("bearer");
    }

    @Test
    void metricsNeedNoToken() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void problemsNameTheRequestPath() {
        String path = "/api/v1/members/" + UUID.randomUUID();
        given().auth().oauth2(operator).when().get(path)
                .then().statusCode(404).body("instance", equalTo(path));
    }
}
