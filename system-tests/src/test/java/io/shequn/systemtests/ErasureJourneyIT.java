package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, item 4: once a member is erased, no service adds personal data for them. Their
 * still-valid token is refused (401 {@code member-erased}) by every secured operation every
 * service's OpenAPI document lists, so an endpoint added later is covered too; a chat bridge's
 * message from them is kept without its text; their pending application is withdrawn, so the
 * owner can no longer approve it.
 *
 * <p>Issue 13, journey (5): what every service returned of the member's personal data before the
 * erasure (profile, search, introduction answers, message text), none returns after it, to anyone.
 */
@Order(40)
class ErasureJourneyIT extends SystemTest {

    private static final List<String> SERVICES = List.of("MEMBER", "GROUP", "ENGAGEMENT", "ANALYTICS");

    @Test
    void anErasedMemberCanAddNoPersonalDataAnywhere() {
        UUID owner = id(register("Lu Xun", null));
        UUID member = UUID.randomUUID();
        as(member).body(Map.of("displayName", "Xiao Hong", "region", "Hangzhou", "occupation", "Nurse", "phone", "13900002222",
                        "email", "xiao.hong@example.com", "bio", "Tea lover from Xixi wetland"))
                .when().put(url("MEMBER", "/api/v1/members/me")).then().statusCode(201);
        UUID open = createGroup(owner, "Open salon", Map.of("mode", "OPEN", "requiredIntroFields", List.of("occupation")));
        UUID vetted = createGroup(owner, "Vetted salon", Map.of("mode", "APPROVAL"));
        as(member).body(Map.of("intro", Map.of("occupation", "night-shift midwife")))
                .when().post(url("GROUP", "/api/v1/groups/" + open + "/members")).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        assertThat(join(vetted, member, null)).isEqualTo("PENDING_APPROVAL");
        // engagement-service knows the membership before the erasure (a bridge message is then the member's own).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(member).body(Map.of("kind", "TEXT", "text", "call me at 13900002222"))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + open + "/messages")).then().statusCode(201));

        // Where each service shows the member's personal data to an operator: there before the erasure...
        List<String> personal = List.of("Xiao Hong", "13900002222", "xiao.hong@example.com", "Tea lover", "night-shift midwife");
        List<String> reads = List.of("MEMBER /api/v1/members/" + member, "MEMBER /api/v1/members?q=Xiao%20Hong",
                "GROUP /api/v1/groups/" + open + "/members/" + member, "GROUP /api/v1/groups/" + open + "/members",
                "ENGAGEMENT /api/v1/groups/" + open + "/messages", "ANALYTICS /api/v1/analytics/members/" + member);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(String.join("\n", operatorReads(reads)))
                .contains(personal.toArray(String[]::new)));

        as(member).when().delete(url("MEMBER", "/api/v1/members/" + member)).then().statusCode(204);

        // Every service learns of it and from then on refuses the member's token on every secured operation.
        Map<String, String> probes = Map.of("MEMBER", "/api/v1/members/me", "GROUP", "/api/v1/groups/" + open,
                "ENGAGEMENT", "/api/v1/members/me/points", "ANALYTICS", "/api/v1/analytics/members/" + member);
        for (String service : SERVICES) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertErasedProblem(
                    as(member).when().get(url(service, probes.get(service)))));
            List<String> accepted = new ArrayList<>();
            for (String[] operation : securedOperations(service)) {
                Response response = as(member).body("{}").when().request(operation[0], url(service, operation[1]));
                if (response.statusCode() != 401 || !"https://shequn.io/problems/member-erased".equals(response.jsonPath().getString("type"))) {
                    accepted.add(operation[0] + " " + operation[1] + " -> " + response.statusCode());
                }
            }
            assertThat(accepted).as(service + " operations that did not refuse the erased member's token").isEmpty();
        }

        // ... and in none of them after it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(operatorReads(reads))
                .allSatisfy(body -> assertThat(body).doesNotContain(personal.toArray(String[]::new))));
        assertThat(asOperator().when().get(url("MEMBER", "/api/v1/members/" + member)).then().statusCode(200)
                .extract().<Boolean>path("erased")).isTrue();

        // A chat bridge's message from the erased member is kept (counts stay right) without its text.
        UUID bridged = UUID.randomUUID();
        bridgeMessage(open, member, bridged, "my phone is 13900001111", Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath messages = asOperator().when().get(url("ENGAGEMENT", "/api/v1/groups/" + open + "/messages"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(messages.getList("items.id", String.class)).contains(bridged.toString());
            assertThat(messages.getString("items.find { it.id == '" + bridged + "' }.text")).isNull();
        });
        assertThat(asOperator().when().get(url("ENGAGEMENT", "/api/v1/groups/" + open + "/messages")).asString())
                .doesNotContain("13900001111");

        // The pending application was withdrawn: there is nothing left for the owner to approve.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(asOperator()
                .when().get(url("GROUP", "/api/v1/groups/" + vetted + "/members/" + member))
                .then().statusCode(200).extract().<String>path("status")).isEqualTo("LEFT"));
        assertThat(as(owner).when().get(url("GROUP", "/api/v1/groups/" + vetted + "/applications"))
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        Response approve = as(owner).when().post(url("GROUP", "/api/v1/groups/" + vetted + "/applications/" + member + "/approve"));
        assertThat(approve.statusCode()).isBetween(404, 409);
        assertThat(as(owner).when().get(url("GROUP", "/api/v1/groups/" + vetted + "/members/" + member))
                .then().statusCode(200).extract().<String>path("status")).isEqualTo("LEFT");
    }

    /** The bodies of operator GETs given as "SERVICE /path?query". */
    private static List<String> operatorReads(List<String> reads) {
        return reads.stream().map(read -> {
            String[] parts = read.split(" ", 2);
            return asOperator().urlEncodingEnabled(false).when().get(url(parts[0], parts[1])).then().statusCode(200).extract().asString();
        }).toList();
    }

    private static void assertErasedProblem(Response response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://shequn.io/problems/member-erased");
    }

    /** Method and path (path parameters filled with fresh ids) of each operation the service's OpenAPI document secures. */
    @SuppressWarnings("unchecked")
    private static List<String[]> securedOperations(String service) {
        Map<String, Map<String, Map<String, Object>>> paths = given().when().get(url(service, "/q/openapi?format=json"))
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (((Object) operation) instanceof Map<?, ?> op && op.containsKey("security")) {   // a path item may hold parameters too
                operations.add(new String[] {method.toUpperCase(), path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString())});
            }
        }));
        assertThat(operations).as(service + " secures operations").hasSizeGreaterThan(2);
        return operations;
    }
}
