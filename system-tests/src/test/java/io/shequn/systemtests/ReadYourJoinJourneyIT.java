package io.shequn.systemtests;

import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, item 6: engagement-service learns of a join from group-service's events, a little
 * later. A client that checks in right after joining and is refused 403 {@code not-a-member} is
 * told that a fresh membership may not be known yet and when to retry (Retry-After): within that
 * time the check-in is accepted.
 */
@Order(60)
class ReadYourJoinJourneyIT extends SystemTest {

    @Test
    void aCheckInRightAfterJoiningSucceedsWhenRetriedAsTheProblemSays() {
        UUID owner = id(register("Gao Yan", null));
        UUID member = id(register("Ma Lin", null));
        UUID group = createGroup(owner, "Early birds", Map.of("mode", "OPEN"));

        Response stranger = as(member).when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/check-ins"));
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        assertThat(stranger.jsonPath().getString("type")).isEqualTo("https://shequn.io/problems/not-a-member");
        assertThat(stranger.jsonPath().getString("detail")).contains("may not be known here yet: retry after 1 second");
        assertThat(stranger.header("Retry-After")).isEqualTo("1");

        assertThat(join(group, member, null)).isEqualTo("ACTIVE");
        // Checking in at once, and again until it is accepted: within the Retry-After the problem names.
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            last[0] = as(member).when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/check-ins"));
            if (last[0].statusCode() == 403) {
                assertThat(last[0].jsonPath().getString("type")).isEqualTo("https://shequn.io/problems/not-a-member");
                assertThat(last[0].header("Retry-After")).isEqualTo("1");
            }
            assertThat(last[0].statusCode()).isEqualTo(201);
        });
        assertThat(last[0].jsonPath().getInt("streak")).isEqualTo(1);
    }
}
