package io.shequn.analytics;

import io.restassured.path.json.JsonPath;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;

/**
 * Builds hand-made histories on the real Kafka for analytics tests: every event is a CloudEvent
 * on its catalogue topic, timed at 02:00 UTC (10:00 in Asia/Shanghai, the same calendar day) of
 * a day counted from {@code start}. Also reads the API as an operator.
 */
public final class Scenario implements AutoCloseable {

    private final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private final LocalDate start;

    public Scenario(LocalDate start) {
        this.start = start;
    }

    /** For tests that give every event its own instant. */
    public Scenario() {
        this(LocalDate.EPOCH);
    }

    public LocalDate day(int offset) {
        return start.plusDays(offset);
    }

    public Instant at(int day) {
        return day(day).atTime(2, 0).toInstant(ZoneOffset.UTC);
    }

    public void groupCreated(UUID group, UUID owner) {
        groupCreated(group, owner, "Scenario");
    }

    public void groupCreated(UUID group, UUID owner, String name) {
        send("group-created", group, at(0).minusSeconds(7200), """
                {"groupId":"%s","name":"%s","type":"INTEREST","ownerId":"%s","timeZone":"Asia/Shanghai","createdAt":"%s"}"""
                .formatted(group, name, owner, at(0).minusSeconds(7200)));
    }

    public void joined(UUID group, UUID member, int day, String role, UUID inviter) {
        String via = inviter != null ? "INVITE" : role.equals("OWNER") ? "OWNER" : "OPEN";
        String invitedBy = inviter == null ? "" : ",\"inviterId\":\"" + inviter + "\"";
        send("member-joined", group, at(day), """
                {"groupId":"%s","memberId":"%s","role":"%s","via":"%s"%s,"joinedAt":"%s"}"""
                .formatted(group, member, role, via, invitedBy, at(day)));
    }

    public void left(UUID group, UUID member, int day) {
        send("member-left", group, at(day), """
                {"groupId":"%s","memberId":"%s","reason":"LEFT","leftAt":"%s"}""".formatted(group, member, at(day)));
    }

    public void roleChanged(UUID group, UUID member, int day, String role) {
        send("member-role-changed", group, at(day).plusSeconds(60), """
                {"groupId":"%s","memberId":"%s","role":"%s","changedBy":"%s","changedAt":"%s"}"""
                .formatted(group, member, role, member, at(day).plusSeconds(60)));
    }

    /** @return the CloudEvent id, to send the very same event again */
    public String message(UUID group, UUID member, int day, UUID messageId, UUID replyTo) {
        String eventId = UUID.randomUUID().toString();
        sendWithId(eventId, "message-posted", group, at(day), messageData(group, member, day, messageId, replyTo));
        return eventId;
    }

    public String messageData(UUID group, UUID member, int day, UUID messageId, UUID replyTo) {
        String reply = replyTo == null ? "" : ",\"replyTo\":\"" + replyTo + "\"";
        return """
                {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":12%s,"postedAt":"%s"}"""
                .formatted(messageId, group, member, reply, at(day));
    }

    public void checkedIn(UUID group, UUID member, int day) {
        send("checked-in", group, at(day), """
                {"groupId":"%s","memberId":"%s","day":"%s","streak":1,"pointsAwarded":10,"checkedInAt":"%s"}"""
                .formatted(group, member, day(day), at(day)));
    }

    /** A purchase at 02:00 UTC plus {@code hours}; {@code group} null lets analytics attribute it. */
    public void purchase(UUID order, UUID member, int day, int hours, long amount, UUID group) {
        Instant when = at(day).plusSeconds(3600L * hours);
        String named = group == null ? "" : ",\"groupId\":\"" + group + "\"";
        kafka.send(binary("purchase", member.toString(), UUID.randomUUID().toString(), "/tests/shop", "shequn.purchase.v1", when, """
                {"orderId":"%s","memberId":"%s","amount":%d,"currency":"CNY"%s,"purchasedAt":"%s"}"""
                .formatted(order, member, amount, named, when)));
    }

    public void send(String topic, UUID group, Instant at, String data) {
        sendWithId(UUID.randomUUID().toString(), topic, group, at, data);
    }

    public void sendWithId(String id, String topic, UUID key, Instant at, String data) {
        kafka.send(binary(topic, key.toString(), id, "/tests/scenario", "shequn." + topic + ".v1", at, data));
    }

    public KafkaTestClient kafka() {
        return kafka;
    }

    public static String operator() {
        return LocalStack.shared().tokens().operator(UUID.randomUUID());
    }

    public static String member(UUID member) {
        return LocalStack.shared().tokens().member(member);
    }

    /** GET as an operator; 200 expected. */
    public static JsonPath get(String path, Map<String, ?> query) {
        return given().auth().oauth2(operator()).queryParams(query).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    public static String getRaw(String path, Map<String, ?> query) {
        return given().auth().oauth2(operator()).queryParams(query).when().get(path).then().statusCode(200).extract().asString();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
