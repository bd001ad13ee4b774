package io.shequn.member.profile;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.LogCapture;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static io.shequn.member.MemberApi.createOwn;
import static io.shequn.member.MemberApi.member;
import static io.shequn.member.MemberApi.operator;
import static io.shequn.member.MemberApi.saveOwn;
import static org.assertj.core.api.Assertions.assertThat;

/** Logs name members by id; names, phone numbers and email addresses never reach them, not even when a request fails. */
@QuarkusTest
class PersonalDataLoggingTest {

    @Inject
    DataSource dataSource;

    @Test
    void registeringUpdatingVerifyingAndErasingLogNoPersonalData() {
        List<String> logged = capture(() -> {
            UUID me = UUID.randomUUID();
            createOwn(me, Map.of("displayName", "Zhuge Kongming", "region", "Longzhong", "phone", "13987654321",
                    "email", "kongming@example.com"));
            saveOwn(me, Map.of("displayName", "Zhuge Liang", "phone", "13987654322", "email", "liang@example.com")).statusCode(200);
            given().auth().oauth2(operator()).contentType("application/json").body(Map.of("method", "ID_CARD", "reference", "KYC-77"))
                    .when().post("/api/v1/members/" + me + "/verification").then().statusCode(200);
            given().auth().oauth2(member(me)).when().delete("/api/v1/members/" + me).then().statusCode(204);
            return me;
        });
        assertThat(String.join("\n", logged))
                .doesNotContain("Zhuge", "Kongming", "Longzhong", "13987654321", "13987654322", "kongming@", "liang@", "KYC-77");
    }

    /**
     * The database refuses a profile update (a check constraint this test adds for its own bio
     * prefix): the driver's batch failure and Hibernate's own error log would quote the update
     * with its bound values; what is logged names the SQL state, never a value.
     */
    @Test
    void aFailingBatchUpdateLogsItsSqlStateAndNoBoundValue() throws Exception {
        String marker = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table member add constraint logging_test_refuses check (bio is null or bio not like '"
                    + marker + "%') not valid");
        }
        try {
            List<String> logged = capture(() -> {
                UUID me = UUID.randomUUID();
                createOwn(me, Map.of("displayName", "Sima Yi", "phone", "13900000001", "email", "zhongda@example.com"));
                saveOwn(me, Map.of("displayName", "Sima Zhongda", "bio", marker + " strategist of Wei", "phone", "13900000002",
                        "email", "yi@example.com")).statusCode(500).contentType("application/problem+json");
                return null;
            });
            String all = String.join("\n", logged);
            assertThat(all).as("the failure is logged with its SQL state").contains("23514");
            assertThat(all).doesNotContain("Sima", "Zhongda", "strategist", marker, "13900000001", "13900000002", "zhongda@", "yi@");
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("alter table member drop constraint logging_test_refuses");
            }
        }
    }

    /** Everything logged while the requests run ({@link LogCapture}). */
    private static List<String> capture(Supplier<UUID> requests) {
        try (LogCapture logs = LogCapture.start()) {
            UUID named = requests.get();
            if (named != null) {
                assertThat(logs.lines()).as("logs name the member by id").anyMatch(line -> line.contains(named.toString()));
            }
            return logs.lines();
        }
    }
}
