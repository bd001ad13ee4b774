package io.shequn.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.shequn.localstack.CloudEventRecords;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A journey through the running {@link Suite}, as its outside clients make it: a frontend (REST
 * with a member's or an operator's token), a shop publishing {@code purchase} and a chat bridge
 * publishing {@code message-posted}. Nothing here knows the services' code.
 */
@ExtendWith(Suite.Started.class)
abstract class SystemTest {

    /** {@link RebuildIT}'s place: after every journey whose analytics answers it replays. */
    static final int REBUILD = Integer.MAX_VALUE - 1000;
    /**
     * Where tests that move the suite's clock ({@code PUT /ops/clock}, the simulator) go: after
     * {@link RebuildIT} and every journey that reads the real day, before {@link ShutdownIT}.
     */
    static final int MOVES_THE_CLOCK = Integer.MAX_VALUE - 500;

    static final String BRIDGE = "/bridges/wechat";
    static final String SHOP = "/shop/orders";

    static Suite suite() {
        return Suite.shared();
    }

    static String url(String service, String path) {
        return suite().url(service, path);
    }

    /** A request with the member's bearer token and a JSON body type. */
    static RequestSpecification as(UUID member) {
        return given().auth().oauth2(suite().member(member)).contentType(ContentType.JSON);
    }

    static RequestSpecification asOperator() {
        return given().auth().oauth2(suite().operator()).contentType(ContentType.JSON);
    }

    /** A member who registers themselves (with an inviter's code, or null); their profile in full. */
    static JsonPath register(String name, String inviteCode) {
        UUID id = UUID.randomUUID();
        Map<String, Object> profile = inviteCode == null
                ? Map.of("displayName", name, "region", "Hangzhou")
                : Map.of("displayName", name, "region", "Hangzhou", "inviteCode", inviteCode);
        return as(id).body(profile).when().put(url("MEMBER", "/api/v1/members/me"))
                .then().statusCode(201).extract().jsonPath();
    }

    static UUID id(JsonPath member) {
        return UUID.fromString(member.getString("id"));
    }

    /** The owner creates a group with the given admission ({@code mode}, optional {@code entryFee}); its id. */
    static UUID createGroup(UUID owner, String name, Map<String, Object> admission) {
        return UUID.fromString(as(owner).body(Map.of("name", name, "type", "INTEREST", "admission", admission))
                .when().post(url("GROUP", "/api/v1/groups")).then().statusCode(201).extract().path("id"));
    }

    /** The member asks to join (with an invite code or none); the membership's status. */
    static String join(UUID group, UUID member, String inviteCode) {
        return as(member).body(inviteCode == null ? Map.of() : Map.of("inviteCode", inviteCode))
                .when().post(url("GROUP", "/api/v1/groups/" + group + "/members"))
                .then().statusCode(201).extract().path("status");
    }

    /** The member's personal invite code for the group. */
    static String groupInviteCode(UUID group, UUID member) {
        return as(member).when().post(url("GROUP", "/api/v1/groups/" + group + "/invites"))
                .then().statusCode(200).extract().path("code");
    }

    /**
     * An analytics answer as an operator reads it, remembered so that {@link RebuildIT} can check a
     * rebuild from offset 0 gives it byte for byte.
     */
    static String analyticsRaw(String pathAndQuery) {
        suite().rememberAnalytics(pathAndQuery);
        return given().auth().oauth2(suite().operator()).when().get(url("ANALYTICS", pathAndQuery))
                .then().statusCode(200).extract().asString();
    }

    static JsonPath analytics(String pathAndQuery) {
        return new JsonPath(analyticsRaw(pathAndQuery));
    }

    /** What a chat bridge publishes when a member writes in the bridged chat (binary-mode CloudEvent, keyed by group). */
    static void bridgeMessage(UUID group, UUID member, UUID messageId, String text, Instant at) {
        suite().kafka().send(CloudEventRecords.binary("message-posted", group.toString(), UUID.randomUUID().toString(), BRIDGE,
                "shequn.message-posted.v1", at, """
                        {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","text":"%s","length":%d,"postedAt":"%s"}"""
                        .formatted(messageId, group, member, text, text.length(), at)));
    }

    /** What a shop publishes for an order (structured-mode CloudEvent, keyed by member); {@code groupId} may be absent. */
    static void purchase(UUID order, UUID member, long amount, List<String> skus, UUID groupId, Instant at) {
        StringBuilder items = new StringBuilder();
        for (String sku : skus) {
            items.append(items.isEmpty() ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":1,\"unitAmount\":")
                    .append(amount / skus.size()).append('}');
        }
        String named = groupId == null ? "" : ",\"groupId\":\"" + groupId + "\"";
        suite().kafka().send(CloudEventRecords.structured("purchase", member.toString(), UUID.randomUUID().toString(), SHOP,
                "shequn.purchase.v1", at, """
                        {"orderId":"%s","memberId":"%s","amount":%d,"currency":"CNY","items":[%s]%s,"purchasedAt":"%s"}"""
                        .formatted(order, member, amount, items, named, at)));
    }
}
