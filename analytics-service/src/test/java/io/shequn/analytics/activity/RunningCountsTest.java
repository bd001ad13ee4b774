package io.shequn.analytics.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.RunningCountsCheck;
import io.shequn.analytics.Scenario;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running counts behind the summary, the silent members, the lifecycle, the retention, the
 * funnel and the referrals (V7__running_counts.sql and V12 to V14) give what the definitions of
 * docs/analytics.md give, computed here from the events themselves, for a random history of 300
 * members (joins, some on an invitation, leaves, rejoins, activity on random days, some before
 * joining) published in
 * random order: every page of the silent list, its count, the summary's members, DAU, WAU, MAU and
 * silent members, the weekly lifecycle, the retention triangle, the funnel's steps, the referrals'
 * inviters and distinct active members and the top KOLs of several windows (messages answer
 * earlier ones at random); and the counts the listeners kept are what a recount from scratch finds.
 */
@QuarkusTest
class RunningCountsTest {

    private static final LocalDate START = LocalDate.of(2025, 3, 3);   // a Monday
    private static final int DAYS = 60;
    private static final int LAST = DAYS - 1;

    @Inject
    EntityManager entityManager;

    /** A message; a third of them answer an earlier one (or their author's own, which counts for nothing). */
    private record Message(UUID id, Member author, int day, Message replyTo) {
    }

    private record Member(UUID id, int joined, Integer left, Integer rejoined, UUID inviter, TreeSet<Integer> active) {

        /** A member at the end of {@code day}, by the current period (the latest join and a leave after it). */
        boolean memberOn(int day) {
            int start = rejoined != null ? rejoined : joined;
            Integer end = rejoined != null ? null : left;
            return start <= day && (end == null || end > day);
        }
    }

    @Test
    void countsFollowTheDefinitionsWhateverTheOrderOfArrival() {
        Random random = new Random(20250303);
        UUID group = UUID.randomUUID();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int joined = random.nextInt(40);
            Integer left = random.nextInt(5) == 0 ? joined + 1 + random.nextInt(15) : null;
            Integer rejoined = left != null && random.nextInt(3) == 0 ? left + 1 + random.nextInt(3) : null;
            TreeSet<Integer> active = new TreeSet<>();
            int days = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(6);
            for (int d = 0; d < days; d++) {
                active.add(Math.max(0, joined - 2 + random.nextInt(DAYS - joined + 2)));
            }
            UUID inviter = i >= 10 && random.nextInt(4) == 0 ? members.get(random.nextInt(10)).id() : null;
            members.add(new Member(UUID.randomUUID(), joined, left, rejoined, inviter, active));
        }

        List<Message> posted = new ArrayList<>();
        for (Member m : members) {
            for (int day : m.active()) {
                Message replyTo = !posted.isEmpty() && random.nextInt(3) == 0 ? posted.get(random.nextInt(posted.size())) : null;
                posted.add(new Message(UUID.randomUUID(), m, day, replyTo));
            }
        }

        Scenario s = new Scenario(START);
        s.groupCreated(group, members.get(0).id());
        List<Runnable> events = new ArrayList<>();
        for (Message message : posted) {
            events.add(() -> s.message(group, message.author().id(), message.day(), message.id(),
                    message.replyTo() == null ? null : message.replyTo().id()));
        }
        for (Member m : members) {
            events.add(() -> s.joined(group, m.id(), m.joined(), "MEMBER", m.inviter()));   // a rejoin names no inviter
            if (m.left() != null) {
                events.add(() -> s.left(group, m.id(), m.left()));
            }
            if (m.rejoined() != null) {
                events.add(() -> s.joined(group, m.id(), m.rejoined(), "MEMBER", null));
            }
        }
        Collections.shuffle(events, random);
        events.forEach(Runnable::run);
        long joins = members.stream().mapToLong(m -> m.rejoined() != null ? 2 : 1).sum();
        long expectedMessages = posted.size();
        String base = "/api/v1/analytics/groups/" + group;
        await().atMost(Duration.ofSeconds(90)).until(() -> sum(base, "MESSAGES") == expectedMessages && sum(base, "JOINS") == joins);

        RunningCountsCheck.assertAgreesWithRecount(entityManager, group);

        // Summary of the last day, and of a day in the middle.
        for (int day : new int[] {LAST, 30}) {
            JsonPath summary = Scenario.get(base + "/summary", Map.of("day", s.day(day).toString()));
            int d = day;
            List<Member> on = members.stream().filter(m -> m.memberOn(d)).toList();
            assertThat(summary.getLong("members")).as("members on day " + day).isEqualTo(on.size());
            assertThat(summary.getLong("dau")).isEqualTo(activeIn(members, day, day));
            assertThat(summary.getLong("wau")).isEqualTo(activeIn(members, day - 6, day));
            assertThat(summary.getLong("mau")).isEqualTo(activeIn(members, day - 29, day));
            assertThat(summary.getLong("silentMembers")).as("silent on day " + day)
                    .isEqualTo(on.stream().filter(m -> m.active().subSet(day - 13, true, day, true).isEmpty()).count());
        }

        // The silent list page by page: of the last day (read in the list's order from the running
        // counts) and of a day in the past (each member's last active day up to it looked up).
        for (int day : new int[] {LAST, 30}) {
            int d = day;
            List<String> expected = members.stream()
                    .filter(m -> m.memberOn(d) && m.active().subSet(d - 13, true, d, true).isEmpty())
                    .sorted(Comparator.comparing((Member m) -> lastActive(m, d)).thenComparing(m -> m.id().toString()))
                    .map(m -> m.id().toString()).toList();
            assertThat(expected).hasSizeGreaterThan(40);
            List<String> listed = new ArrayList<>();
            for (int page = 0; page * 17 < expected.size() + 17; page++) {
                JsonPath silent = Scenario.get(base + "/members/silent", Map.of("day", s.day(day).toString(), "size", 17, "page", page));
                assertThat(silent.getLong("totalItems")).isEqualTo(expected.size());
                listed.addAll(silent.getList("items.memberId", String.class));
            }
            assertThat(listed).as("silent members of day " + day).containsExactlyElementsOf(expected);
        }

        // The lifecycle of every week.
        JsonPath lifecycle = Scenario.get(base + "/lifecycle", Map.of("from", s.day(0).toString(), "to", s.day(LAST).toString()));
        TreeMap<Integer, int[]> weeks = new TreeMap<>();
        for (int week = 0; week * 7 <= LAST; week++) {
            weeks.put(week, new int[4]);
        }
        for (Member m : members) {
            TreeSet<Integer> activeWeeks = new TreeSet<>();
            m.active().forEach(day -> activeWeeks.add(day / 7));
            for (int week : weeks.keySet()) {
                boolean now = activeWeeks.contains(week);
                boolean before = activeWeeks.contains(week - 1);
                int state = now ? (before ? 1 : week == activeWeeks.first() ? 0 : 2) : before ? 3 : -1;
                if (state >= 0) {
                    weeks.get(week)[state]++;
                }
            }
        }
        assertThat(lifecycle.getList("weeks.week", String.class)).containsExactlyElementsOf(
                weeks.keySet().stream().map(w -> START.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(w).toString()).toList());
        assertThat(lifecycle.getList("weeks.newMembers", Integer.class)).containsExactlyElementsOf(weeks.values().stream().map(c -> c[0]).toList());
        assertThat(lifecycle.getList("weeks.returning", Integer.class)).containsExactlyElementsOf(weeks.values().stream().map(c -> c[1]).toList());
        assertThat(lifecycle.getList("weeks.resurrecting", Integer.class)).containsExactlyElementsOf(weeks.values().stream().map(c -> c[2]).toList());
        assertThat(lifecycle.getList("weeks.dormant", Integer.class)).containsExactlyElementsOf(weeks.values().stream().map(c -> c[3]).toList());

        // The retention triangle of every cohort week (the week of the first join; a rejoin does not move it).
        JsonPath retention = Scenario.get(base + "/retention", Map.of("from", s.day(0).toString(), "to", s.day(LAST).toString()));
        List<Integer> sizes = new ArrayList<>();
        List<List<Integer>> active = new ArrayList<>();
        for (int cohort : weeks.keySet()) {
            List<Member> of = members.stream().filter(m -> m.joined() / 7 == cohort).toList();
            sizes.add(of.size());
            List<Integer> row = new ArrayList<>();
            for (int week = cohort; week <= weeks.lastKey(); week++) {
                int w = week;
                row.add((int) of.stream().filter(m -> m.active().stream().anyMatch(day -> day / 7 == w)).count());
            }
            active.add(row);
        }
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(members.size());
        assertThat(retention.getList("cohorts.size", Integer.class)).as("cohort sizes").containsExactlyElementsOf(sizes);
        assertThat(retention.<List<Integer>>getList("cohorts.active")).as("cohorts active per week").containsExactlyElementsOf(active);

        // The funnel (no purchases here: converted and referred are 0) and the referrals of windows.
        for (int[] window : new int[][] {{0, LAST}, {10, 30}, {33, 33}, {20, 26}}) {
            Map<String, String> query = Map.of("from", s.day(window[0]).toString(), "to", s.day(window[1]).toString());
            List<Member> joinedIn = members.stream().filter(m -> m.joined() >= window[0] && m.joined() <= window[1]).toList();
            List<Member> activated = joinedIn.stream().filter(m -> !m.active().subSet(m.joined(), true, m.joined() + 6, true).isEmpty()).toList();
            long retained = activated.stream().filter(m -> m.active().subSet(m.joined() + 7, true, m.joined() + 29, true).size() >= 2).count();
            JsonPath funnel = Scenario.get(base + "/funnel", query);
            assertThat(List.of(funnel.getLong("joined"), funnel.getLong("activated"), funnel.getLong("retained"), funnel.getLong("converted")))
                    .as("funnel of days " + Arrays.toString(window)).containsExactly((long) joinedIn.size(), (long) activated.size(), retained, 0L);

            JsonPath referrals = Scenario.get(base + "/referrals", query);
            Map<String, Long> byInviter = joinedIn.stream().filter(m -> m.inviter() != null)
                    .collect(Collectors.groupingBy(m -> m.inviter().toString(), TreeMap::new, Collectors.counting()));
            List<String> inviters = byInviter.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            assertThat(referrals.getLong("activeMembers")).as("active in days " + Arrays.toString(window))
                    .isEqualTo(activeIn(members, window[0], window[1]));
            assertThat(referrals.getLong("invitedJoins")).isEqualTo(byInviter.values().stream().mapToLong(Long::longValue).sum());
            List<String> listed = new ArrayList<>();
            for (int i = 0; i < referrals.getList("inviters").size(); i++) {
                listed.add(referrals.getString("inviters[" + i + "].memberId") + "=" + referrals.getLong("inviters[" + i + "].invited"));
            }
            assertThat(listed).as("inviters of days " + Arrays.toString(window)).containsExactlyElementsOf(inviters);

            // KOLs: only the few who can reach the list have their distinct repliers counted; the list is the same.
            Map<UUID, long[]> tally = new HashMap<>();   // messages, replies received, referred members
            Map<UUID, Set<UUID>> repliers = new HashMap<>();
            for (Message message : posted) {
                if (message.day() >= window[0] && message.day() <= window[1]) {
                    tally.computeIfAbsent(message.author().id(), k -> new long[3])[0]++;
                    Member answered = message.replyTo() == null ? null : message.replyTo().author();
                    if (answered != null && answered != message.author()) {
                        tally.computeIfAbsent(answered.id(), k -> new long[3])[1]++;
                        repliers.computeIfAbsent(answered.id(), k -> new HashSet<>()).add(message.author().id());
                    }
                }
            }
            joinedIn.stream().filter(m -> m.inviter() != null).forEach(m -> tally.computeIfAbsent(m.inviter(), k -> new long[3])[2]++);
            Map<UUID, Long> score = new HashMap<>();
            tally.forEach((member, t) -> score.put(member, t[0] + 2 * t[1] + 3L * repliers.getOrDefault(member, Set.of()).size() + 10 * t[2]));
            List<String> ranked = score.entrySet().stream()
                    .sorted(Map.Entry.<UUID, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            for (int limit : new int[] {1, 5, 20}) {
                JsonPath kols = Scenario.get(base + "/kols", Map.of("from", query.get("from"), "to", query.get("to"), "limit", limit));
                List<String> top = new ArrayList<>();
                for (int i = 0; i < kols.getList("memberId").size(); i++) {
                    top.add(kols.getString("[" + i + "].memberId") + "=" + kols.getLong("[" + i + "].score"));
                }
                assertThat(top).as("top " + limit + " KOLs of days " + Arrays.toString(window))
                        .containsExactlyElementsOf(ranked.subList(0, Math.min(limit, ranked.size())));
            }
        }
    }

    /** The list's order: never active (-1) first, then by the last active day up to {@code day}; ties by member id, which PostgreSQL orders as their text. */
    private static int lastActive(Member m, int day) {
        Integer last = m.active().floor(day);
        return last == null ? -1 : last;
    }

    private static long activeIn(List<Member> members, int from, int to) {
        return members.stream().filter(m -> !m.active().subSet(from, true, to, true).isEmpty()).count();
    }

    private static long sum(String base, String metric) {
        return Scenario.get(base + "/timeseries", Map.of("metric", metric, "from", START.toString(), "to", START.plusDays(LAST).toString()))
                .getList("value", Long.class).stream().mapToLong(Long::longValue).sum();
    }
}
