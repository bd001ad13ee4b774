package io.shequn.analytics.dashboard;

import io.shequn.localstack.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.DoubleUnaryOperator;

/**
 * Weeks of community life for the dashboard's tests and benchmark: groups with a shape each
 * (growing, steady, declining, falling silent, newly created), members joining over time (some on
 * an invitation), messages with replies, check-ins, red packets that the owner sends every ten days
 * and current members grab, purchases that name their group or are attributed by last touch, a few
 * that belong to no group, and some members leaving. Every event
 * is a CloudEvent on its catalogue topic, in event-time order. The shape comes from the seed; ids
 * are random, so a rerun in the same database adds a new history rather than repeating one.
 */
final class CommunityHistory {

    /** A group's activity: the chance that a member is active on a day, given the day's share of the history (0 to 1). */
    enum Shape {
        GROWING(x -> 0.12 + 0.45 * x),
        STEADY(x -> 0.35),
        DECLINING(x -> x < 0.6 ? 0.45 : Math.max(0.04, 0.45 - (x - 0.6) * 1.1)),
        FALLING_SILENT(x -> x < 0.55 ? 0.4 : 0),
        CHECK_IN_CLUB(x -> 0.5),
        NEW(x -> 0.45);

        final DoubleUnaryOperator chance;

        Shape(DoubleUnaryOperator chance) {
            this.chance = chance;
        }
    }

    record Group(UUID id, String name, Shape shape, int createdDay, int size) {
    }

    /** The history: what was published, and the counts the API should show once it is ingested. */
    record History(LocalDate start, int days, UUID owner, List<Group> groups, List<ProducerRecord<String, byte[]>> records,
                   long messages, long checkIns, long joins, long leaves, long orders, List<UUID> buyers, Map<UUID, Integer> redPackets) {
    }

    private static final long[] PRICES = {1_990, 4_900, 9_900, 19_900, 29_900, 59_900};

    private CommunityHistory() {
    }

    /** Groups created on day 0 (a NEW one near the end), days 0 to {@code days − 1} from {@code start}, 02:00–14:00 UTC. */
    static History generate(long seed, LocalDate start, int days, List<Group> groups) {
        Random random = new Random(seed);
        UUID owner = UUID.randomUUID();
        List<Timed> events = new ArrayList<>();
        long messages = 0;
        long checkIns = 0;
        long joins = 0;
        long leaves = 0;
        long orders = 0;
        List<UUID> everyone = new ArrayList<>();
        List<UUID> buyers = new ArrayList<>();
        Map<UUID, Integer> redPackets = new HashMap<>();
        for (Group group : groups) {
            Instant created = at(start, group.createdDay(), 0, random);
            events.add(new Timed(created, groupCreated(group.id(), group.name(), owner, created)));
            events.add(new Timed(created.plusSeconds(1), joined(group.id(), owner, "OWNER", null, created.plusSeconds(1))));
            joins++;
            List<Member> members = new ArrayList<>();
            int joinWindow = Math.max(1, (int) ((days - group.createdDay()) * 0.7));
            for (int m = 0; m < group.size(); m++) {
                UUID id = m < 3 && !everyone.isEmpty() && random.nextInt(3) == 0 ? everyone.get(random.nextInt(everyone.size())) : UUID.randomUUID();
                if (members.stream().anyMatch(x -> x.id().equals(id))) {
                    continue;
                }
                int joinDay = group.createdDay() + (m < 4 ? 0 : random.nextInt(joinWindow));
                UUID inviter = !members.isEmpty() && random.nextInt(10) < 3 ? members.get(random.nextInt(members.size())).id() : null;
                int leaveDay = random.nextInt(100) < 6 ? joinDay + 5 + random.nextInt(Math.max(1, days - joinDay - 5)) : Integer.MAX_VALUE;
                double propensity = 0.3 + random.nextDouble() * 1.2;
                Member member = new Member(id, joinDay, leaveDay, propensity);
                members.add(member);
                everyone.add(id);
                Instant joinedAt = at(start, joinDay, 1, random);
                events.add(new Timed(joinedAt, joined(group.id(), id, "MEMBER", inviter, joinedAt)));
                joins++;
                if (leaveDay < days) {
                    Instant leftAt = at(start, leaveDay, 11, random);
                    events.add(new Timed(leftAt, record("member-left", group.id(), leftAt, """
                            {"groupId":"%s","memberId":"%s","reason":"LEFT","leftAt":"%s"}""".formatted(group.id(), id, leftAt))));
                    leaves++;
                }
            }
            List<UUID> recent = new ArrayList<>();
            for (int day = group.createdDay(); day < days; day++) {
                double chance = group.shape().chance.applyAsDouble((double) day / days);
                for (Member member : members) {
                    if (day <= member.joinDay() || day >= member.leaveDay() || random.nextDouble() >= Math.min(0.95, chance * member.propensity())) {
                        continue;
                    }
                    int posts = 1 + random.nextInt(3);
                    Instant last = null;
                    for (int p = 0; p < posts; p++) {
                        Instant postedAt = at(start, day, 2, random);
                        UUID messageId = UUID.randomUUID();
                        UUID replyTo = !recent.isEmpty() && random.nextInt(100) < 25 ? recent.get(random.nextInt(recent.size())) : null;
                        events.add(new Timed(postedAt, record("message-posted", group.id(), postedAt, """
                                {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":24%s,"postedAt":"%s"}"""
                                .formatted(messageId, group.id(), member.id(), replyTo == null ? "" : ",\"replyTo\":\"" + replyTo + "\"", postedAt))));
                        messages++;
                        recent.add(messageId);
                        if (recent.size() > 30) {
                            recent.remove(0);
                        }
                        last = last == null || postedAt.isAfter(last) ? postedAt : last;
                    }
                    if (random.nextInt(100) < (group.shape() == Shape.CHECK_IN_CLUB ? 80 : 25)) {
                        Instant checkedAt = at(start, day, 2, random);
                        events.add(new Timed(checkedAt, record("checked-in", group.id(), checkedAt, """
                                {"groupId":"%s","memberId":"%s","day":"%s","streak":1,"pointsAwarded":10,"checkedInAt":"%s"}"""
                                .formatted(group.id(), member.id(), start.plusDays(day), checkedAt))));
                        checkIns++;
                    }
                    if (random.nextInt(1000) < 25) {
                        Instant purchasedAt = last.plusSeconds(600 + random.nextInt(3_600));
                        events.add(new Timed(purchasedAt, purchase(member.id(), PRICES[random.nextInt(PRICES.length)],
                                random.nextBoolean() ? group.id() : null, purchasedAt)));
                        orders++;
                        buyers.add(member.id());
                    }
                }
            }
            for (int day = group.createdDay() + 5; day < days; day += 10) {
                int today = day;
                List<Member> present = members.stream().filter(m -> m.joinDay() < today && m.leaveDay() > today).toList();
                if (present.isEmpty()) {
                    continue;
                }
                events.addAll(redPacket(group.id(), owner, present, at(start, day, 4, random), random));
                redPackets.merge(group.id(), 1, Integer::sum);
            }
        }
        // Shoppers the community never saw: unattributed.
        for (int i = 0; i < 3; i++) {
            Instant purchasedAt = at(start, random.nextInt(days), 3, random);
            events.add(new Timed(purchasedAt, purchase(UUID.randomUUID(), PRICES[random.nextInt(PRICES.length)], null, purchasedAt)));
            orders++;
        }
        events.sort(Comparator.comparing(Timed::at));
        return new History(start, days, owner, groups, events.stream().map(Timed::record).toList(), messages, checkIns, joins, leaves, orders, buyers,
                Map.copyOf(redPackets));
    }

    /** A POINTS packet of 5 × 100 points; up to five present members grab a share within the next half hour. */
    private static List<Timed> redPacket(UUID group, UUID sender, List<Member> present, Instant sentAt, Random random) {
        UUID packet = UUID.randomUUID();
        List<Timed> events = new ArrayList<>();
        events.add(new Timed(sentAt, record("red-packet-sent", group, sentAt, """
                {"packetId":"%s","groupId":"%s","senderId":"%s","currency":"POINTS","totalAmount":500,"count":5,"expiresAt":"%s","sentAt":"%s"}"""
                .formatted(packet, group, sender, sentAt.plusSeconds(86_400), sentAt))));
        List<Member> grabbers = new ArrayList<>(present);
        Collections.shuffle(grabbers, random);
        grabbers.subList(0, Math.min(5, grabbers.size())).forEach(member -> {
            Instant grabbedAt = sentAt.plusSeconds(1 + random.nextInt(1_800));
            events.add(new Timed(grabbedAt, record("red-packet-grabbed", group, grabbedAt, """
                    {"packetId":"%s","groupId":"%s","memberId":"%s","amount":100,"currency":"POINTS","grabbedAt":"%s"}"""
                    .formatted(packet, group, member.id(), grabbedAt))));
        });
        return events;
    }

    private record Member(UUID id, int joinDay, int leaveDay, double propensity) {
    }

    private record Timed(Instant at, ProducerRecord<String, byte[]> record) {
    }

    /** Within the day's waking hours in Asia/Shanghai (10:00–22:00), from {@code fromHour} hours after 02:00 UTC. */
    private static Instant at(LocalDate start, int day, int fromHour, Random random) {
        return start.plusDays(day).atTime(2 + fromHour, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt((12 - Math.min(fromHour, 11)) * 3_600));
    }

    static ProducerRecord<String, byte[]> groupCreated(UUID group, String name, UUID owner, Instant at) {
        return record("group-created", group, at, """
                {"groupId":"%s","name":"%s","type":"INTEREST","ownerId":"%s","timeZone":"Asia/Shanghai","createdAt":"%s"}"""
                .formatted(group, name, owner, at));
    }

    private static ProducerRecord<String, byte[]> joined(UUID group, UUID member, String role, UUID inviter, Instant at) {
        String via = inviter != null ? "INVITE" : role.equals("OWNER") ? "OWNER" : "OPEN";
        return record("member-joined", group, at, """
                {"groupId":"%s","memberId":"%s","role":"%s","via":"%s"%s,"joinedAt":"%s"}"""
                .formatted(group, member, role, via, inviter == null ? "" : ",\"inviterId\":\"" + inviter + "\"", at));
    }

    private static ProducerRecord<String, byte[]> purchase(UUID member, long amount, UUID group, Instant at) {
        return CloudEventRecords.binary("purchase", member.toString(), UUID.randomUUID().toString(), "/tests/shop", "shequn.purchase.v1", at, """
                {"orderId":"%s","memberId":"%s","amount":%d,"currency":"CNY"%s,"purchasedAt":"%s"}"""
                .formatted(UUID.randomUUID(), member, amount, group == null ? "" : ",\"groupId\":\"" + group + "\"", at));
    }

    private static ProducerRecord<String, byte[]> record(String topic, UUID key, Instant at, String data) {
        return CloudEventRecords.binary(topic, key.toString(), UUID.randomUUID().toString(), "/tests/community", "shequn." + topic + ".v1", at, data);
    }
}
