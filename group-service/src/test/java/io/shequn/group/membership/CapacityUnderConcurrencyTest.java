package io.shequn.group.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.createGroup;
import static io.shequn.group.GroupApi.events;
import static io.shequn.group.GroupApi.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * 50 members race for the 10 free places of a group: exactly 10 get in, the rest get 409, the
 * events match. Concurrent approvals hold the same line.
 */
@QuarkusTest
class CapacityUnderConcurrencyTest {

    private static final int RACERS = 50;
    private static final int FREE_PLACES = 10;

    @Test
    void fiftyConcurrentJoinsIntoTenFreePlaces() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("capacity", FREE_PLACES + 1));

        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            members.add(UUID.randomUUID());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (UUID member : members) {
                answers.add(pool.submit(() -> {
                    var request = as(member).body(Map.of());
                    start.await();
                    return request.when().post("/api/v1/groups/" + group + "/members");
                }));
            }
            start.countDown();
            Set<UUID> admitted = new java.util.HashSet<>();
            int full = 0;
            for (int i = 0; i < RACERS; i++) {
                Response response = answers.get(i).get();
                if (response.statusCode() == 201) {
                    admitted.add(members.get(i));
                } else {
                    assertThat(response.statusCode()).isEqualTo(409);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("type")).isEqualTo("https://shequn.io/problems/group-full");
                    full++;
                }
            }
            assertThat(admitted).hasSize(FREE_PLACES);
            assertThat(full).isEqualTo(RACERS - FREE_PLACES);

            as(owner).when().get("/api/v1/groups/" + group).then().body("memberCount", equalTo(FREE_PLACES + 1));

            // Exactly one member-joined per admitted member (plus the owner's), none for the refused.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    events(Events.MEMBER_JOINED, group, d -> true, Duration.ofMillis(500)).size() >= FREE_PLACES + 1);
            List<JsonNode> joined = events(Events.MEMBER_JOINED, group, field("role", "MEMBER"), Duration.ofSeconds(2));
            assertThat(joined.stream().map(d -> UUID.fromString(d.get("memberId").asText())).collect(Collectors.toList()))
                    .containsExactlyInAnyOrderElementsOf(admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentApprovalsNeverOverfillAGroup() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("capacity", 7, "admission", Map.of("mode", "APPROVAL")));
        as(admin).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        as(owner).when().post("/api/v1/groups/" + group + "/applications/" + admin + "/approve").then().statusCode(200);
        io.shequn.group.GroupApi.setRole(group, owner, admin, "ADMIN");
        List<UUID> applicants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID applicant = UUID.randomUUID();
            applicants.add(applicant);
            as(applicant).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(applicants.size());
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < applicants.size(); i++) {
                UUID applicant = applicants.get(i);
                UUID approver = i % 2 == 0 ? owner : admin;
                answers.add(pool.submit(() -> {
                    var request = as(approver);
                    start.await();
                    return request.when().post("/api/v1/groups/" + group + "/applications/" + applicant + "/approve")
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(5);
            assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(15);
            as(owner).when().get("/api/v1/groups/" + group).then().body("memberCount", equalTo(7));
        } finally {
            pool.shutdownNow();
        }
    }
}
