package io.shequn.analytics.benchmark;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.localstack.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Realistic traffic for {@link AnalyticsBenchmark}: groups of uneven size, members who join first
 * (some in two groups) and are unevenly active afterwards, event times over the last 29 days.
 * Mostly message-posted (some replies and mentions, text as a chat bridge sends it), about 8%
 * checked-in (at most one per member, group and day), 4% red-packet-grabbed, and one member-joined
 * per membership. Every event is a binary-mode CloudEvent keyed by its group, as the services
 * publish them. Ids are random, so a rerun against the same database is never deduplicated.
 */
final class BenchmarkEvents {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<EventContract<?>> CONTRACTS =
            List.of(Events.MESSAGE_POSTED, Events.CHECKED_IN, Events.RED_PACKET_GRABBED, Events.MEMBER_JOINED);

    private static final String ENGAGEMENT = "/shequn/engagement-service";
    private static final String GROUP_SERVICE = "/shequn/group-service";
    private static final String BRIDGE = "/bridges/wechat";
    private static final String[] KINDS = {"TEXT", "IMAGE", "LINK", "VOICE", "VIDEO", "FILE"};
    private static final int[] KIND_WEIGHTS = {80, 10, 5, 3, 1, 1};
    private static final String COMMON = "我们今天一起学习分享社群运营的经验大家好早上晚上活动报名积分打卡请问老师这个问题怎么解决谢谢收到明白了";

    /** One event as published: enough to build its Kafka record and its database row. */
    record Event(EventContract<?> contract, String key, String id, String source, Instant time, String data) {

        ProducerRecord<String, byte[]> record() {
            return CloudEventRecords.binary(contract.topic(), key, id, source, contract.type(), time, data);
        }

        byte[] payload() {
            return data.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The groups, their group-created events (published before the measurement) and the N events. */
    record Dataset(List<UUID> groups, List<Event> groupsCreated, List<Event> events, int members, int memberships) {

        Map<String, Integer> countsByTopic() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            CONTRACTS.forEach(c -> counts.put(c.topic(), 0));
            events.forEach(e -> counts.merge(e.contract().topic(), 1, Integer::sum));
            return counts;
        }

        long payloadBytes() {
            return events.stream().mapToLong(e -> e.payload().length).sum();
        }
    }

    private enum Kind { JOIN, MESSAGE, CHECK_IN, RED_PACKET }

    private record Membership(UUID group, UUID member, Instant joinedAt) {
    }

    private record Spec(Kind kind, Membership membership, Instant time) {
    }

    private BenchmarkEvents() {
    }

    /**
     * @param events  exactly how many events (joins included) to generate
     * @param members distinct members; lowered so that joins stay at most a fifth of the events
     * @param shuffled false: in event-time order, as live traffic arrives; true: in random order
     */
    static Dataset generate(Random random, int events, int groupCount, int members, Instant now, boolean shuffled) {
        List<UUID> groups = new ArrayList<>();
        List<Event> created = new ArrayList<>();
        double[] weights = new double[groupCount];
        double total = 0;
        for (int g = 0; g < groupCount; g++) {
            UUID group = UUID.randomUUID();
            groups.add(group);
            created.add(groupCreated(group, UUID.randomUUID(), now.minus(Duration.ofDays(60)), "Benchmark group " + g));
            weights[g] = 1 / Math.pow(g + 1, 0.7);     // a few big groups, a long tail of small ones
            total += weights[g];
        }
        int memberCount = Math.max(1, Math.min(members, events / 6));
        Instant windowStart = now.minus(Duration.ofDays(29));
        List<Membership> memberships = new ArrayList<>();
        Map<UUID, List<UUID>> membersOf = new HashMap<>();
        for (int m = 0; m < memberCount; m++) {
            UUID member = UUID.randomUUID();
            int home = pick(random, weights, total);
            Set<Integer> in = new HashSet<>(List.of(home));
            if (groupCount > 1 && random.nextInt(5) == 0) {
                in.add(pick(random, weights, total));
            }
            for (int g : in) {
                Instant joinedAt = windowStart.plusSeconds(random.nextInt(2 * 86_400));
                memberships.add(new Membership(groups.get(g), member, joinedAt));
                membersOf.computeIfAbsent(groups.get(g), k -> new ArrayList<>()).add(member);
            }
        }
        if (memberships.size() >= events) {
            throw new IllegalArgumentException("Too few events for " + memberships.size() + " memberships");
        }
        List<Spec> specs = new ArrayList<>(events);
        memberships.forEach(m -> specs.add(new Spec(Kind.JOIN, m, m.joinedAt())));
        List<Membership> active = new ArrayList<>(memberships);
        Collections.shuffle(active, random);
        long activityFrom = windowStart.plus(Duration.ofDays(2)).getEpochSecond();
        long activityTo = now.minusSeconds(5).getEpochSecond();
        Set<String> checkIns = new HashSet<>();
        while (specs.size() < events) {
            // Skewed: the first members of the shuffled list are by far the most active.
            Membership membership = active.get((int) (active.size() * Math.pow(random.nextDouble(), 2.5)));
            Instant at = Instant.ofEpochSecond(activityFrom + (long) (random.nextDouble() * (activityTo - activityFrom)),
                    random.nextInt(1_000_000_000));
            int roll = random.nextInt(100);
            Kind kind = roll < 8 ? Kind.CHECK_IN : roll < 12 ? Kind.RED_PACKET : Kind.MESSAGE;
            if (kind == Kind.CHECK_IN && !checkIns.add(membership.group() + "/" + membership.member() + "/" + LocalDate.ofInstant(at, ZONE))) {
                kind = Kind.MESSAGE;                   // one check-in per member, group and day
            }
            specs.add(new Spec(kind, membership, at));
        }
        if (shuffled) {
            Collections.shuffle(specs, random);
        } else {
            specs.sort(Comparator.comparing(Spec::time));
        }
        Map<UUID, ArrayDeque<UUID>> recentMessages = new HashMap<>();
        List<Event> rendered = new ArrayList<>(events);
        for (Spec spec : specs) {
            UUID group = spec.membership().group();
            UUID member = spec.membership().member();
            rendered.add(switch (spec.kind()) {
                case JOIN -> joined(group, member, spec.time());
                case CHECK_IN -> checkedIn(group, member, spec.time(), 1 + random.nextInt(10));
                case RED_PACKET -> new Event(Events.RED_PACKET_GRABBED, group.toString(), UUID.randomUUID().toString(), ENGAGEMENT, spec.time(),
                        "{\"packetId\":\"" + UUID.nameUUIDFromBytes((group + "/" + spec.time().getEpochSecond() / 3_600).getBytes(StandardCharsets.UTF_8))
                                + "\",\"groupId\":\"" + group + "\",\"memberId\":\"" + member + "\",\"amount\":" + (1 + random.nextInt(500))
                                + ",\"currency\":\"CNY\",\"grabbedAt\":\"" + spec.time() + "\"}");
                case MESSAGE -> {
                    ArrayDeque<UUID> recent = recentMessages.computeIfAbsent(group, k -> new ArrayDeque<>());
                    UUID replyTo = !recent.isEmpty() && random.nextInt(100) < 15
                            ? new ArrayList<>(recent).get(random.nextInt(recent.size())) : null;
                    List<UUID> others = membersOf.get(group);
                    UUID mention = random.nextInt(100) < 5 ? others.get(random.nextInt(others.size())) : null;
                    UUID messageId = UUID.randomUUID();
                    recent.addLast(messageId);
                    if (recent.size() > 20) {
                        recent.removeFirst();
                    }
                    yield message(random, messageId, group, member, spec.time(), replyTo, mention,
                            random.nextInt(10) < 3 ? BRIDGE : ENGAGEMENT);
                }
            });
        }
        return new Dataset(groups, created, rendered, memberCount, memberships.size());
    }

    static Event groupCreated(UUID group, UUID owner, Instant at, String name) {
        return new Event(Events.GROUP_CREATED, group.toString(), UUID.randomUUID().toString(), GROUP_SERVICE, at,
                "{\"groupId\":\"" + group + "\",\"name\":\"" + name + "\",\"type\":\"LEARNING\",\"ownerId\":\"" + owner
                        + "\",\"timeZone\":\"Asia/Shanghai\",\"createdAt\":\"" + at + "\"}");
    }

    static Event joined(UUID group, UUID member, Instant at) {
        return new Event(Events.MEMBER_JOINED, group.toString(), UUID.randomUUID().toString(), GROUP_SERVICE, at,
                "{\"groupId\":\"" + group + "\",\"memberId\":\"" + member + "\",\"role\":\"MEMBER\",\"via\":\"OPEN\",\"joinedAt\":\"" + at + "\"}");
    }

    static Event checkedIn(UUID group, UUID member, Instant at, int streak) {
        return new Event(Events.CHECKED_IN, group.toString(), UUID.randomUUID().toString(), ENGAGEMENT, at,
                "{\"groupId\":\"" + group + "\",\"memberId\":\"" + member + "\",\"day\":\"" + LocalDate.ofInstant(at, ZONE)
                        + "\",\"streak\":" + streak + ",\"pointsAwarded\":10,\"checkedInAt\":\"" + at + "\"}");
    }

    static Event message(Random random, UUID messageId, UUID group, UUID member, Instant at, UUID replyTo, UUID mention, String source) {
        String kind = KINDS[pick(random, KIND_WEIGHTS)];
        int length = kind.equals("TEXT") ? 2 + random.nextInt(120) : random.nextInt(60);
        StringBuilder data = new StringBuilder(400).append("{\"messageId\":\"").append(messageId)
                .append("\",\"groupId\":\"").append(group).append("\",\"memberId\":\"").append(member)
                .append("\",\"kind\":\"").append(kind).append('"');
        if (kind.equals("TEXT")) {
            data.append(",\"text\":\"");
            for (int i = 0; i < length; i++) {
                data.append(COMMON.charAt(random.nextInt(COMMON.length())));
            }
            data.append('"');
        }
        data.append(",\"length\":").append(length);
        if (replyTo != null) {
            data.append(",\"replyTo\":\"").append(replyTo).append('"');
        }
        if (mention != null) {
            data.append(",\"mentions\":[\"").append(mention).append("\"]");
        }
        data.append(",\"postedAt\":\"").append(at).append("\"}");
        return new Event(Events.MESSAGE_POSTED, group.toString(), UUID.randomUUID().toString(), source, at, data.toString());
    }

    private static int pick(Random random, double[] weights, double total) {
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int pick(Random random, int[] weights) {
        int r = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
