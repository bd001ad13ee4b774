package io.shequn.member.search;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.member.MemberApi.createOwn;
import static io.shequn.member.MemberApi.member;
import static io.shequn.member.MemberApi.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class MemberSearchResourceTest {

    @Test
    void operatorsFindMembersByTagRegionOccupationAndText() {
        String tag = "search-" + UUID.randomUUID().toString().substring(0, 8);
        UUID potter = UUID.randomUUID();
        createOwn(potter, Map.of("displayName", "Potter Wu", "region", "Jingdezhen", "occupation", "Ceramicist", "tags", List.of(tag, "clay"),
                "bio", "Makes 100% porcelain_cups"));
        UUID painter = UUID.randomUUID();
        createOwn(painter, Map.of("displayName", "Painter Xu", "region", "jingdezhen", "occupation", "painter", "tags", List.of(tag)));
        createOwn(UUID.randomUUID(), Map.of("displayName", "Elsewhere", "region", "Xi'an", "tags", List.of("clay")));

        search(Map.of("tag", tag.toUpperCase())).body("totalItems", equalTo(2));
        search(Map.of("tag", tag, "region", "JINGDEZHEN")).body("totalItems", equalTo(2));
        search(Map.of("tag", tag, "occupation", "ceramicist")).body("items.id", equalTo(List.of(potter.toString())));
        search(Map.of("tag", tag, "q", "painter")).body("items.id", equalTo(List.of(painter.toString())));
        search(Map.of("tag", tag, "q", "100%")).body("items.id", equalTo(List.of(potter.toString())));
        search(Map.of("tag", tag, "q", "n_c")).body("totalItems", equalTo(1));
        search(Map.of("tag", tag, "q", "%")).body("totalItems", equalTo(1));
    }

    @Test
    void resultsArePaginatedNewestFirstWithAMaximumPageSize() {
        String tag = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            createOwn(UUID.randomUUID(), Map.of("displayName", "Paged " + i, "tags", List.of(tag)));
        }
        search(Map.of("tag", tag, "size", 2)).body("items", hasSize(2)).body("totalItems", equalTo(5)).body("totalPages", equalTo(3))
                .body("items[0].displayName", equalTo("Paged 4"));
        search(Map.of("tag", tag, "size", 2, "page", 2)).body("items", hasSize(1)).body("items[0].displayName", equalTo("Paged 0"));
        given().auth().oauth2(operator()).queryParam("size", 101).when().get("/api/v1/members")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("size"));
    }

    @Test
    void membersCannotSearch() {
        given().auth().oauth2(member(UUID.randomUUID())).when().get("/api/v1/members").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse search(Map<String, ?> query) {
        return given().auth().oauth2(operator()).queryParams(query).when().get("/api/v1/members").then().statusCode(200);
    }
}
