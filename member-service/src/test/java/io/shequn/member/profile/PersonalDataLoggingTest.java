package io.shequn.member.profile;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static io.shequn.member.MemberApi.createOwn;
import static io.shequn.member.MemberApi.member;
import static io.shequn.member.MemberApi.operator;
import static io.shequn.member.MemberApi.saveOwn;
import static org.assertj.core.api.Assertions.assertThat;

/** Logs name members by id; names, phone numbers and email addresses never reach them. */
@QuarkusTest
class PersonalDataLoggingTest {

    @Test
    void registeringUpdatingVerifyingAndErasingLogNoPersonalData() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            UUID me = UUID.randomUUID();
            createOwn(me, Map.of("displayName", "Zhuge Kongming", "region", "Longzhong", "phone", "13987654321",
                    "email", "kongming@example.com"));
            saveOwn(me, Map.of("displayName", "Zhuge Liang", "phone", "13987654322", "email", "liang@example.com")).statusCode(200);
            given().auth().oauth2(operator()).contentType("application/json").body(Map.of("method", "ID_CARD", "reference", "KYC-77"))
                    .when().post("/api/v1/members/" + me + "/verification").then().statusCode(200);
            given().auth().oauth2(member(me)).when().delete("/api/v1/members/" + me).then().statusCode(204);

            assertThat(logged).anyMatch(line -> line.contains(me.toString()));
            assertThat(String.join("\n", logged))
                    .doesNotContain("Zhuge", "Kongming", "Longzhong", "13987654321", "13987654322", "kongming@", "liang@", "KYC-77");
        } finally {
            root.removeHandler(capture);
        }
    }
}
