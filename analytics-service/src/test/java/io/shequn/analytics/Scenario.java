package io.shequn.analytics;

import io.restassured.path.json.JsonPath;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.awaitility.Awaitility.await;

/**
 * Builds hand-made histories on the real Kafka for analytics tests: every event is a CloudEvent
 * on its catalogue topic, timed at 02:00 UTC (10:00 in Asia/Shanghai, the same calendar day) of
 * a day counted from {@code start}. Also reads the API as an operator.
 */
public final class Scenario implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Scenario.class);

    private final KafkaTestClient kafka = new KafkaTestClient(bootstrapServers());
    private final LocalDate start;
    /** While not null, what is sent is held here per topic, for {@link #releaseTopicsShuffled}. */
    private Map<String, List<ProducerRecord<String, byte[]>>> held;

    public Scenario(LocalDate start) {
        this.start = start;
    }

    /**
     * A scenario whose events are held until {@link #releaseTopicsShuffled}, which publishes them
     * one topic after another in a random order: the same history, consumed in another order.
     */
    public static Scenario holdingEvents(LocalDate start) {
        Scenario scenario = new Scenario(start);
        scenario.held = new LinkedHashMap<>();
        return scenario;
    }

    public boolean holding() {
        return held != null;
    }

    /**
     * Publishes the held events topic by topic in a random order (each topic's own events in the
     * order they were sent, as Kafka keeps them), waiting until analytics-service has consumed each
     * topic before publishing the next; from then on events are sent at once.
     */
    public void releaseTopicsShuffled(long seed) {
        List<String> topics = new ArrayList<>(held.keySet());
        Collections.shuffle(topics, new Random(seed));
        LOG.infof("Publishing the scenario's topics in the order %s (seed %d)", topics, seed);
        Map<String, List<ProducerRecord<String, byte[]>>> events = held;
        held = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String topic : topics) {
                kafka.sendAll(events.get(topic));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> consumed(admin, topic));
            }
        }
    }

    /** analytics-service has committed every partition of the topic up to its end. */
    private static boolean consumed(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("analytics-service")
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS);
        return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset()));
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
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
        publish(binary("purchase", member.toString(), UUID.randomUUID().toString(), "/tests/shop", "shequn.purchase.v1", when, """
                {"orderId":"%s","memberId":"%s","amount":%d,"currency":"CNY"%s,"purchasedAt":"%s"}"""
                .formatted(order, member, amount, named, when)));
    }

    public void send(String topic, UUID group, Instant at, String data) {
        sendWithId(UUID.randomUUID().toString(), topic, group, at, data);
    }

    public void sendWithId(String id, String topic, UUID key, Instant at, String data) {
        publish(binary(topic, key.toString(), id, "/tests/scenario", "shequn." + topic + ".v1", at, data));
    }

    private void publish(ProducerRecord<String, byte[]> record) {
        if (held != null) {
            held.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record);
        } else {
            kafka.send(record);
        }
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
