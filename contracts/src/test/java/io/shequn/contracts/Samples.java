package io.shequn.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shequn.contracts.events.ActivityAttended;
import io.shequn.contracts.events.ActivityScheduled;
import io.shequn.contracts.events.ActivityStatus;
import io.shequn.contracts.events.ActivityType;
import io.shequn.contracts.events.CheckedIn;
import io.shequn.contracts.events.GroupCreated;
import io.shequn.contracts.events.GroupHealthChanged;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.LeaveReason;
import io.shequn.contracts.events.LifecycleStage;
import io.shequn.contracts.events.LotteryDrawn;
import io.shequn.contracts.events.LotteryEntered;
import io.shequn.contracts.events.MemberErased;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.contracts.events.MemberRegistered;
import io.shequn.contracts.events.MemberRoleChanged;
import io.shequn.contracts.events.MemberUpdated;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.contracts.events.MessageFlagged;
import io.shequn.contracts.events.MessageKind;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.contracts.events.PointsChanged;
import io.shequn.contracts.events.Purchase;
import io.shequn.contracts.events.RedPacketFinish;
import io.shequn.contracts.events.RedPacketFinished;
import io.shequn.contracts.events.RedPacketGrabbed;
import io.shequn.contracts.events.RedPacketSent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One sample per contract with every optional field set, so that validating a sample exercises
 * the schema of every field, and a helper to read the schemas themselves.
 */
final class Samples {

    static final UUID MEMBER = UUID.fromString("0b5e0a8e-6f0e-4c55-9a4e-1d2f3a4b5c01");
    static final UUID OTHER_MEMBER = UUID.fromString("0b5e0a8e-6f0e-4c55-9a4e-1d2f3a4b5c02");
    static final UUID GROUP = UUID.fromString("1c6f1b9f-7a1f-4d66-8b5f-2e3a4b5c6d01");
    static final UUID THING = UUID.fromString("2d7a2cae-8b2a-4e77-9c6a-3f4b5c6d7e01");
    static final Instant AT = Instant.parse("2025-03-01T02:03:04.123Z");

    private static final Map<EventContract<?>, EventData> BY_CONTRACT = build();

    private Samples() {
    }

    static Map<EventContract<?>, EventData> all() {
        return BY_CONTRACT;
    }

    static EventData of(EventContract<?> contract) {
        EventData sample = BY_CONTRACT.get(contract);
        if (sample == null) {
            throw new IllegalStateException("No sample for " + contract.topic());
        }
        return sample;
    }

    static ObjectNode json(EventContract<?> contract) {
        return EventJson.mapper().valueToTree(of(contract));
    }

    static ObjectNode schema(EventContract<?> contract) {
        try (InputStream in = Samples.class.getResourceAsStream(contract.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema at " + contract.schemaResource());
            }
            return (ObjectNode) EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> required(EventContract<?> contract) {
        List<String> names = new ArrayList<>();
        schema(contract).path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    static List<String> properties(EventContract<?> contract) {
        List<String> names = new ArrayList<>();
        schema(contract).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> optional(EventContract<?> contract) {
        List<String> names = properties(contract);
        names.removeAll(required(contract));
        return names;
    }

    static List<String> propertiesWith(EventContract<?> contract, String keyword) {
        List<String> names = new ArrayList<>();
        schema(contract).path("properties").fields().forEachRemaining(e -> {
            JsonNode property = e.getValue();
            if (property.has(keyword) || property.path("items").has(keyword)) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    private static Map<EventContract<?>, EventData> build() {
        Map<EventContract<?>, EventData> samples = new LinkedHashMap<>();
        samples.put(Events.MEMBER_REGISTERED, new MemberRegistered(
                MEMBER, "小王", "上海", "teacher", List.of("reading", "running"), OTHER_MEMBER, AT));
        samples.put(Events.MEMBER_UPDATED, new MemberUpdated(
                MEMBER, "小王", "杭州", "designer", List.of("reading"), OTHER_MEMBER));
        samples.put(Events.MEMBER_VERIFIED, new MemberVerified(MEMBER, AT));
        samples.put(Events.MEMBER_ERASED, new MemberErased(MEMBER, AT));
        samples.put(Events.GROUP_CREATED, new GroupCreated(
                GROUP, "读书会", GroupType.LEARNING, MEMBER, ZoneId.of("Asia/Shanghai"), THING, AT));
        samples.put(Events.MEMBER_JOINED, new MemberJoined(
                GROUP, MEMBER, GroupRole.MEMBER, JoinVia.INVITE, OTHER_MEMBER, AT));
        samples.put(Events.MEMBER_LEFT, new MemberLeft(
                GROUP, MEMBER, LeaveReason.REMOVED, "spam", AT));
        samples.put(Events.MEMBER_ROLE_CHANGED, new MemberRoleChanged(
                GROUP, MEMBER, GroupRole.ADMIN, OTHER_MEMBER, AT));
        samples.put(Events.MESSAGE_POSTED, new MessagePosted(
                THING, GROUP, MEMBER, MessageKind.TEXT, "大家好", 3, UUID.fromString("2d7a2cae-8b2a-4e77-9c6a-3f4b5c6d7e02"),
                List.of(OTHER_MEMBER), AT));
        samples.put(Events.MESSAGE_FLAGGED, new MessageFlagged(
                THING, GROUP, MEMBER, List.of("刷单"), AT));
        samples.put(Events.CHECKED_IN, new CheckedIn(
                GROUP, MEMBER, LocalDate.of(2025, 3, 1), 7, 10, AT));
        samples.put(Events.POINTS_CHANGED, new PointsChanged(
                MEMBER, GROUP, -50, 120, "REWARD_REDEEMED", THING, AT));
        samples.put(Events.RED_PACKET_SENT, new RedPacketSent(
                THING, GROUP, OTHER_MEMBER, "POINTS", 1_000, 10, AT, AT));
        samples.put(Events.RED_PACKET_GRABBED, new RedPacketGrabbed(
                THING, GROUP, MEMBER, 888, "CNY", AT));
        samples.put(Events.RED_PACKET_FINISHED, new RedPacketFinished(
                THING, GROUP, OTHER_MEMBER, "CNY", 1_000, 10, 4, 600, 400, RedPacketFinish.EXPIRED, MEMBER, 300L, AT));
        samples.put(Events.LOTTERY_ENTERED, new LotteryEntered(THING, GROUP, MEMBER, 20, AT));
        samples.put(Events.LOTTERY_DRAWN, new LotteryDrawn(THING, GROUP, "每周抽奖", 42, "a".repeat(64), "b".repeat(64), "c".repeat(64),
                List.of(new LotteryDrawn.Winner(MEMBER, 1, "签名书", 500L), new LotteryDrawn.Winner(OTHER_MEMBER, 2, "Mug", 500L)), AT));
        samples.put(Events.ACTIVITY_SCHEDULED, new ActivityScheduled(THING, GROUP, ActivityType.OFFLINE_MEETUP, "线下读书会", MEMBER,
                AT, AT, 50, "杭州市西湖区", ActivityStatus.SCHEDULED, 2, AT));
        samples.put(Events.ACTIVITY_ATTENDED, new ActivityAttended(THING, GROUP, MEMBER, AT));
        samples.put(Events.PURCHASE, new Purchase(
                THING, MEMBER, 19_900, "CNY",
                List.of(new Purchase.Item("BOOK-001", 2, 4_950), new Purchase.Item("COURSE-7", 1, 10_000)),
                GROUP, "READ2025", AT));
        samples.put(Events.GROUP_HEALTH_CHANGED, new GroupHealthChanged(
                GROUP, 42, LifecycleStage.DECLINING, LifecycleStage.ACTIVE, AT));
        return Map.copyOf(samples);
    }
}
