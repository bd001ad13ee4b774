package io.shequn.member.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import static org.hamcrest.Matchers.hasItem;

/** Bringing an existing community in: 10,000 rows, every row reported, idempotent by external id. */
@QuarkusTest
class ImportResourceTest {

    private static final int ROWS = 10_000;

    @Test
    void tenThousandRowsWithSomeInvalidOnesAreEachReportedAndReImportingCreatesNoDuplicates() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "import-" + run;
        UUID kol = UUID.randomUUID();
        String kolCode = createOwn(kol, Map.of("displayName", "Importing KOL"));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Integer, String> invalid = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> row = new HashMap<>(Map.of("externalId", run + "-" + i, "displayName", "Imported " + i,
                    "region", "Region " + (i % 7), "tags", List.of(tag)));
            if (i % 1000 == 1) {
                row.put("email", "not-an-email");
                invalid.put(i, "email");
            } else if (i % 1000 == 2) {
                row.remove("displayName");
                invalid.put(i, "displayName");
            } else if (i % 1000 == 3) {
                row.put("inviteCode", "ZZZZZZZZ");
                invalid.put(i, "inviteCode");
            } else if (i == 4) {
                row.put("externalId", run + "-0");
                invalid.put(i, "externalId");
            } else if (i == 5) {
                row.put("inviteCode", kolCode);
            }
            rows.add(row);
        }
        int valid = ROWS - invalid.size();

        JsonPath first = importRows(rows);
        assertThat(first.getInt("created")).isEqualTo(valid);
        assertThat(first.getInt("updated")).isZero();
        assertThat(first.getInt("rejected")).isEqualTo(invalid.size());
        List<Map<String, Object>> results = first.getList("rows");
        assertThat(results).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> result = results.get(i);
            assertThat(result.get("index")).isEqualTo(i);
            if (invalid.containsKey(i)) {
                assertThat(result.get("status")).isEqualTo("REJECTED");
                assertThat((String) result.get("reason")).startsWith(invalid.get(i) + ":");
            } else {
                assertThat(result.get("status")).isEqualTo("CREATED");
                assertThat(result.get("memberId")).isNotNull();
            }
        }
        UUID invited = UUID.fromString((String) results.get(5).get("memberId"));
        get(operator(), invited).body("invitedBy", equalTo(kol.toString()));
        awaitEvent(Events.MEMBER_REGISTERED, invited, data -> kol.toString().equals(data.path("invitedBy").asText()));

        rows.get(10).put("region", "Moved Away");
        JsonPath second = importRows(rows);
        assertThat(second.getInt("created")).isZero();
        assertThat(second.getInt("updated")).isEqualTo(valid);
        assertThat(second.getInt("rejected")).isEqualTo(invalid.size());
        List<Map<String, Object>> again = second.getList("rows");
        assertThat(again.get(10).get("memberId")).isEqualTo(results.get(10).get("memberId"));
        UUID moved = UUID.fromString((String) results.get(10).get("memberId"));
        awaitEvent(Events.MEMBER_UPDATED, moved, data -> "Moved Away".equals(data.path("region").asText()));

        given().auth().oauth2(operator()).queryParam("tag", tag).queryParam("size", 100).when().get("/api/v1/members")
                .then().statusCode(200).body("totalItems", equalTo(valid));
        given().auth().oauth2(operator()).queryParam("tag", tag).queryParam("region", "Region 3").when().get("/api/v1/members")
                .then().statusCode(200).body("totalItems", equalTo((int) java.util.stream.IntStream.range(0, ROWS)
                        .filter(i -> i % 7 == 3 && !invalid.containsKey(i) && i != 10).count()));
    }

    @Test
    void moreThanTenThousandRowsOrNoneAreRefusedWhole() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i <= ROWS; i++) {
            rows.add(Map.of("externalId", "too-many-" + i, "displayName", "x"));
        }
        given().auth().oauth2(operator()).contentType("application/json").body(Map.of("members", rows))
                .when().post("/api/v1/members/import")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("members"));
        given().auth().oauth2(operator()).contentType("application/json").body(Map.of("members", List.of()))
                .when().post("/api/v1/members/import")
                .then().statusCode(400).body("violations.field", hasItem("members"));
    }

    @Test
    void membersCannotImport() {
        given().auth().oauth2(member(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("members", List.of(Map.of("externalId", "x", "displayName", "x"))))
                .when().post("/api/v1/members/import").then().statusCode(403);
    }

    private static JsonPath importRows(List<Map<String, Object>> rows) {
        return given().auth().oauth2(operator()).contentType("application/json").body(Map.of("members", rows))
                .when().post("/api/v1/members/import")
                .then().statusCode(200).extract().jsonPath();
    }
}
