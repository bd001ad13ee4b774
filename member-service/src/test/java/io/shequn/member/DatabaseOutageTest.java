package io.shequn.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL really stops while clients keep registering: every answer during the outage is a
 * 503 problem with Retry-After, and once the database is back the service serves again without
 * a restart, with no member half-created.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void requestsDuringAnOutageAre503WithRetryAfterAndTheServiceRecoversWithoutARestart() throws Exception {
        String operator = LocalStack.shared().tokens().operator(UUID.randomUUID());
        register(operator, "Before the outage").then().statusCode(201);

        List<String> during = new CopyOnWriteArrayList<>();
        List<String> registered = new CopyOnWriteArrayList<>();
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                for (int n = 0; n < 2_000 && !stop.get(); n++) {
                    boolean outage = down.get();
                    Response response = register(operator, "During " + n);
                    if (response.statusCode() == 201) {
                        registered.add(response.path("id"));
                    }
                    if (outage && down.get()) {
                        during.add(response.statusCode() + " " + response.contentType() + " Retry-After=" + response.header("Retry-After"));
                    }
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> registered.size() >= 5);
            LocalStack.shared().postgres().stop();
            down.set(true);
            await().atMost(Duration.ofSeconds(60)).until(() -> during.size() >= 40);
        } finally {
            down.set(false);
            LocalStack.shared().postgres().start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> register(operator, "After the outage").statusCode() == 201);
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(during).hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(answer -> assertThat(answer).startsWith("503 application/problem+json").endsWith("Retry-After=5"));
        // Every member a client was told about exists in full; none is left half-done.
        for (String id : registered) {
            given().auth().oauth2(operator).when().get("/api/v1/members/" + id)
                    .then().statusCode(200);
        }
        given().auth().oauth2(operator).when().get("/q/health/ready").then().statusCode(200);
    }

    private static Response register(String operator, String name) {
        return given().auth().oauth2(operator).contentType("application/json")
                .body(Map.of("displayName", name)).when().post("/api/v1/members");
    }
}
