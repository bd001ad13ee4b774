package io.shequn.group.roles;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.join;
import static io.shequn.group.GroupApi.openGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Exactly one owner, even when the owner fires ten transfers at once. */
@QuarkusTest
class OwnershipUnderConcurrencyTest {

    @Test
    void concurrentTransfersLeaveExactlyOneOwner() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID group = openGroup(owner);
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID candidate = UUID.randomUUID();
            candidates.add(candidate);
            join(group, candidate);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (UUID candidate : candidates) {
                answers.add(pool.submit(() -> {
                    var request = as(owner).body(java.util.Map.of("newOwnerId", candidate));
                    start.await();
                    return request.when().post("/api/v1/groups/" + group + "/ownership").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            // The first transfer wins; the others find the caller is no longer the owner.
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
            assertThat(statuses.stream().filter(s -> s == 403).count()).isEqualTo(9);
        } finally {
            pool.shutdownNow();
        }
        as(owner).queryParam("role", "OWNER").when().get("/api/v1/groups/" + group + "/members").then()
                .body("totalItems", equalTo(1));
        String newOwner = as(owner).queryParam("role", "OWNER").when().get("/api/v1/groups/" + group + "/members")
                .then().extract().path("items[0].memberId");
        as(owner).when().get("/api/v1/groups/" + group).then().body("ownerId", equalTo(newOwner));
    }
}
