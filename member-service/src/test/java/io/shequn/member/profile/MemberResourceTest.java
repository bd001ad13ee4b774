package io.shequn.member.profile;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class MemberResourceTest {

    @Test
    void registersAndReadsAMember() {
        String token = LocalStack.shared().tokens().operator(UUID.randomUUID());
        System.err.println("STACK " + LocalStack.shared().settings() + " loader " + LocalStack.class.getClassLoader());
        String id = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("displayName", "Li Lei", "tags", java.util.List.of("Hiking ", "hiking")))
                .when().post("/api/v1/members")
                .then().statusCode(201).body("displayName", equalTo("Li Lei"))
                .extract().path("id");
        given().auth().oauth2(token).when().get("/api/v1/members/" + id)
                .then().statusCode(200).body("tags[0]", equalTo("hiking"));
    }
}
