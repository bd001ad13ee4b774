package io.shequn.localstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a simulation did, per group, over its days ({@code from}–{@code to} in {@code timeZone}),
 * and a check that the suite's services say the same through their APIs. Written as JSON by
 * {@code ./shequn simulate} and read back by {@code ./shequn simulate --verify <file>}.
 */
public record GroundTruth(long seed, int days, LocalDate from, LocalDate to, String timeZone, Totals totals, List<Group> groups) {

    /** What the whole run did; {@code unattributed*} are purchases no group is credited with. */
    public record Totals(long membersCreated, long verified, long registeredWithInviteCode, long groupsCreated,
                         long requests, long eventsPublished, long unattributedPurchases, Map<String, Long> unattributedGmv,
                         long advertisersRemoved, double seconds) {
    }

    /** One group: who it is, what it was meant to become, and what happened in it. */
    public record Group(int index, UUID groupId, String name, String template, String admission, String fate, LocalDate createdOn,
                        long members, long joins, long leaves, long messages, long bridgeMessages, long checkIns,
                        long redPacketsSent, long redPacketGrabs, long lotteries, long lotteryEntries, long activities,
                        long signUps, long attendances, long purchases, Map<String, Long> gmv) {
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    public static GroundTruth read(Path file) {
        try {
            return Http.JSON.readValue(file.toFile(), GroundTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a ground truth from " + file, e);
        }
    }

    /**
     * Every difference between this ground truth and what the services answer (empty when they
     * agree), asked again until they agree or {@code settle} has passed: events still on their way
     * through Kafka are given that long to arrive.
     */
    public List<String> verify(SuiteEndpoints suite, Duration settle) {
        Instant deadline = Instant.now().plus(settle);
        Reader reader = new Reader(suite);
        while (true) {
            List<String> differences = differences(reader);
            if (differences.isEmpty() || Instant.now().isAfter(deadline)) {
                return differences;
            }
            Http.sleep(Duration.ofSeconds(1));
        }
    }

    /** One look at the services: every difference from this ground truth. */
    public List<String> verify(SuiteEndpoints suite) {
        return differences(new Reader(suite));
    }

    private List<String> differences(Reader reader) {
        List<String> differences = new ArrayList<>();
        for (Group group : groups) {
            Compare compare = new Compare("group " + group.index() + " (" + group.groupId() + ")", differences);
            JsonNode summary = reader.analytics("/api/v1/analytics/groups/" + group.groupId() + "/summary?day=" + to);
            if (summary == null) {
                differences.add(compare.where + ": analytics-service does not know the group");
                continue;
            }
            compare.check("analytics members on " + to, group.members(), summary.path("members").asLong(-1));
            compare.check("analytics messages", group.messages(), () -> reader.sum(group, "MESSAGES", from, to));
            compare.check("analytics check-ins", group.checkIns(), () -> reader.sum(group, "CHECK_INS", from, to));
            compare.check("analytics red-packet grabs", group.redPacketGrabs(), () -> reader.sum(group, "RED_PACKETS", from, to));
            compare.check("analytics attendances", group.attendances(), () -> reader.sum(group, "ATTENDANCES", from, to));
            compare.check("analytics joins", group.joins(), () -> reader.sum(group, "JOINS", from, to));
            compare.check("analytics leaves", group.leaves(), () -> reader.sum(group, "LEAVES", from, to));
            JsonNode revenue = reader.analytics("/api/v1/analytics/groups/" + group.groupId() + "/revenue?from=" + from + "&to=" + to);
            Map<String, Long> gmv = new TreeMap<>();
            long purchases = 0;
            for (JsonNode line : revenue == null ? List.<JsonNode>of() : iterable(revenue.path("gmv"))) {
                gmv.put(line.path("currency").asText(), line.path("amount").asLong());
                purchases += line.path("purchases").asLong();
            }
            compare.check("analytics purchases", group.purchases(), purchases);
            compare.check("analytics GMV", new TreeMap<>(group.gmv()), gmv);
            JsonNode details = reader.get(reader.suite.groupUrl() + "/api/v1/groups/" + group.groupId());
            compare.check("group-service memberCount", group.members(), details == null ? -1 : details.path("memberCount").asLong(-1));
            String engagement = reader.suite.engagementUrl() + "/api/v1/groups/" + group.groupId();
            compare.check("engagement-service red packets", group.redPacketsSent(), () -> reader.count(engagement + "/red-packets", item -> 1));
            compare.check("engagement-service red-packet grabs", group.redPacketGrabs(),
                    () -> reader.count(engagement + "/red-packets", item -> item.path("grabbedCount").asLong()));
            compare.check("engagement-service lotteries", group.lotteries(), () -> reader.count(engagement + "/lotteries", item -> 1));
            compare.check("engagement-service lottery entrants", group.lotteryEntries(),
                    () -> reader.count(engagement + "/lotteries", item -> item.path("entrants").asLong()));
        }
        return differences;
    }

    /**
     * The figures of this run without its ids, dates and times: what a second run with the same
     * seed must reproduce exactly.
     */
    public String figures() {
        StringBuilder text = new StringBuilder("seed " + seed + ", " + days + " days, " + groups.size() + " groups, "
                + totals.membersCreated() + " members (" + totals.verified() + " verified, " + totals.registeredWithInviteCode()
                + " with an invite code), " + totals.unattributedPurchases() + " unattributed purchases " + totals.unattributedGmv()
                + ", " + totals.advertisersRemoved() + " advertisers removed\n");
        for (Group g : groups) {
            text.append("group %d %s %s %s created on day %d: members %d, joins %d, leaves %d, messages %d (bridge %d), check-ins %d, red packets %d (grabs %d), lotteries %d (entries %d), activities %d (sign-ups %d, attendances %d), purchases %d %s%n"
                    .formatted(g.index(), g.template(), g.admission(), g.fate(), from.until(g.createdOn()).getDays(), g.members(), g.joins(),
                            g.leaves(), g.messages(), g.bridgeMessages(), g.checkIns(), g.redPacketsSent(), g.redPacketGrabs(),
                            g.lotteries(), g.lotteryEntries(), g.activities(), g.signUps(), g.attendances(), g.purchases(), new TreeMap<>(g.gmv())));
        }
        return text.toString();
    }

    /**
     * What analytics-service answers about this run's groups, without ids and dates (days are
     * counted from {@code from}): each group's summary on the last day, its DAU per day, and the
     * health ranking. Two runs with the same seed on fresh suites give the same text.
     */
    public String analyticsFigures(SuiteEndpoints suite) {
        Reader reader = new Reader(suite);
        StringBuilder text = new StringBuilder();
        Map<UUID, Integer> index = new TreeMap<>();
        for (Group g : groups) {
            index.put(g.groupId(), g.index());
            JsonNode s = reader.analytics("/api/v1/analytics/groups/" + g.groupId() + "/summary?day=" + to);
            text.append("group %d: members %d, dau %d, wau %d, mau %d, stickiness %s, silent %d, stage %s, score %s%n".formatted(g.index(),
                    s.path("members").asLong(), s.path("dau").asLong(), s.path("wau").asLong(), s.path("mau").asLong(),
                    s.path("stickiness").asText(), s.path("silentMembers").asLong(), s.path("health").path("stage").asText(),
                    s.path("health").path("score").asText()));
            JsonNode dau = reader.analytics("/api/v1/analytics/groups/" + g.groupId() + "/timeseries?metric=DAU&from=" + from + "&to=" + to);
            List<String> values = new ArrayList<>();
            iterable(dau).forEach(point -> values.add(point.path("value").asText()));
            text.append("group %d DAU by day: %s%n".formatted(g.index(), String.join(" ", values)));
        }
        // Positions among equal scores follow the groups' ids, which differ between runs: stages and scores only, by group.
        JsonNode ranking = reader.analytics("/api/v1/analytics/groups?sort=HEALTH&day=" + to + "&size=100");
        Map<Integer, String> ranked = new TreeMap<>();
        iterable(ranking.path("items")).forEach(item -> {
            Integer i = index.get(UUID.fromString(item.path("groupId").asText()));
            if (i != null) {
                ranked.put(i, i + ":" + item.path("stage").asText() + ":" + item.path("score").asText());
            }
        });
        text.append("ranked by health: ").append(String.join(" ", ranked.values())).append('\n');
        return text.toString();
    }

    /** How many of this run's groups are in each lifecycle stage, as analytics ranks them on the last day. */
    public Map<String, Integer> stages(SuiteEndpoints suite) {
        Reader reader = new Reader(suite);
        Map<String, Integer> stages = new TreeMap<>();
        for (Group g : groups) {
            JsonNode s = reader.analytics("/api/v1/analytics/groups/" + g.groupId() + "/summary?day=" + to);
            stages.merge(s == null ? "UNKNOWN" : s.path("health").path("stage").asText("UNKNOWN"), 1, Integer::sum);
        }
        return stages;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Reads the services as an operator. */
    private static final class Reader {
        final SuiteEndpoints suite;
        final Http http = new Http(0);
        final String operator;

        Reader(SuiteEndpoints suite) {
            this.suite = suite;
            this.operator = suite.tokens().sign(UUID.randomUUID(), java.util.Set.of("member", "operator"), Duration.ofHours(1));
        }

        JsonNode analytics(String pathAndQuery) {
            return get(suite.analyticsUrl() + pathAndQuery);
        }

        JsonNode get(String url) {
            Http.Answer answer = http.get(url, operator);
            if (answer.status() == 404) {
                return null;
            }
            return Http.expect("GET " + url, answer);
        }

        /** Adds up {@code value} over every item of a paginated list. */
        long count(String url, java.util.function.ToLongFunction<JsonNode> value) {
            long total = 0;
            for (int page = 0; ; page++) {
                JsonNode answer = get(url + "?size=100&page=" + page);
                if (answer == null) {
                    return -1;
                }
                for (JsonNode item : iterable(answer.path("items"))) {
                    total += value.applyAsLong(item);
                }
                if (page + 1 >= answer.path("totalPages").asInt(0)) {
                    return total;
                }
            }
        }

        long sum(Group group, String metric, LocalDate from, LocalDate to) {
            JsonNode points = analytics("/api/v1/analytics/groups/" + group.groupId() + "/timeseries?metric=" + metric + "&from=" + from + "&to=" + to);
            long sum = 0;
            for (JsonNode point : iterable(points)) {
                sum += point.path("value").asLong();
            }
            return sum;
        }
    }

    private record Compare(String where, List<String> differences) {
        void check(String what, Object expected, Object actual) {
            if (!expected.equals(actual)) {
                differences.add(where + ": " + what + ": simulated " + expected + ", answered " + actual);
            }
        }

        void check(String what, long expected, Supplier<Long> actual) {
            check(what, expected, actual.get());
        }
    }
}
