package io.shequn.localstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessageKind;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.contracts.events.Purchase;
import io.shequn.localstack.CloudEventRecords;
import io.shequn.localstack.KafkaTestClient;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Plays days of community life against a running suite through its public interfaces only: REST
 * as members, owners and operators, and Kafka as a chat bridge ({@code message-posted}, binary
 * mode) and a shop ({@code purchase}, structured mode). Each simulated day begins by moving every
 * service's clock ({@code PUT /ops/clock}) to 01:00 of that day in the groups' time zone, so the
 * history lies ahead of the real date and a 60-day run takes minutes; the services' clocks stay
 * where the run leaves them. Every decision comes from the seed, so two runs with the same seed
 * do the same things and produce the same figures (ids, times and red-packet shares differ).
 * <p>
 * Members are registered (tags, some verified, some with another member's invite code), groups
 * created from five templates (every admission mode, one requiring verification), each with a
 * fate: {@code GROWING}, {@code ACTIVE}, {@code DECLINING}, {@code DORMANT} or, created in the last
 * week, {@code NEW}. Each day members join (approved or rejected, invited, paying through the
 * shop), are active or not (yesterday's habit carries over, so streaks form), check in, post
 * messages, grab red packets, enter lotteries, sign up for activities and attend them the next
 * day, buy things (naming the group, paying an entry fee by sku, or naming neither), and leave;
 * an advertiser posting flagged words is removed by the group's moderation.
 */
public final class Simulation {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String BRIDGE = "/bridges/simulated-wechat";
    static final String SHOP = "/shop/simulated-orders";
    private static final String[] TAGS = {"hiking", "reading", "coffee", "photography", "investing", "parenting", "fitness", "tea"};
    private static final String[] ACTIVITY_TYPES = {"ONLINE_TALK", "TOPIC_DISCUSSION", "FLASH_SALE", "OFFLINE_MEETUP"};
    private static final long ENTRY_FEE = 9900;

    enum Fate { GROWING, ACTIVE, DECLINING, DORMANT, NEW }

    record Template(String name, String type, String mode, boolean requireVerified) {
        Map<String, Object> admission() {
            Map<String, Object> admission = new LinkedHashMap<>();
            admission.put("mode", mode);
            admission.put("requireVerified", requireVerified);
            if (mode.equals("PAID")) {
                admission.put("entryFee", Map.of("amount", ENTRY_FEE, "currency", "CNY"));
            }
            return admission;
        }

        String admissionName() {
            return mode + (requireVerified ? "+VERIFIED" : "");
        }
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("Weekend hikers", "INTEREST", "OPEN", false),
            new Template("Reading circle", "LEARNING", "APPROVAL", false),
            new Template("Founders' table", "SHARING", "INVITE_ONLY", false),
            new Template("Paid masterclass", "PAID_KNOWLEDGE", "PAID", false),
            new Template("Verified investors", "CONSULTING", "OPEN", true));

    static final class Member {
        final int index;
        final UUID id = UUID.randomUUID();
        final double habit;
        boolean verified;
        boolean advertiser;
        String inviteCode;
        String invitedWith;
        final List<Group> homes = new ArrayList<>();

        Member(int index, double habit) {
            this.index = index;
            this.habit = habit;
        }
    }

    /** A member's planned join of a group on a day. */
    record PlannedJoin(Member member, int day) {
    }

    static final class Group {
        final int index;
        final Template template;
        final Fate fate;
        final int createDay;
        final Member owner;
        final List<PlannedJoin> planned = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        final Set<Member> activeYesterday = ConcurrentHashMap.newKeySet();
        final Map<Member, String> groupInviteCodes = new ConcurrentHashMap<>();
        final Tally tally = new Tally();
        UUID id;
        String name;
        String flagWord;
        UUID activityTomorrow;
        final List<Member> signedUpTomorrow = new ArrayList<>();

        Group(int index, Template template, Fate fate, int createDay, Member owner) {
            this.index = index;
            this.template = template;
            this.fate = fate;
            this.createDay = createDay;
            this.owner = owner;
        }
    }

    /** What happened in one group. */
    static final class Tally {
        final AtomicLong joins = new AtomicLong();
        final AtomicLong leaves = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        final AtomicLong bridgeMessages = new AtomicLong();
        final AtomicLong checkIns = new AtomicLong();
        final AtomicLong redPackets = new AtomicLong();
        final AtomicLong grabs = new AtomicLong();
        final AtomicLong lotteries = new AtomicLong();
        final AtomicLong lotteryEntries = new AtomicLong();
        final AtomicLong activities = new AtomicLong();
        final AtomicLong signUps = new AtomicLong();
        final AtomicLong attendances = new AtomicLong();
        final AtomicLong purchases = new AtomicLong();
        final Map<String, AtomicLong> gmv = new ConcurrentHashMap<>();

        void purchase(String currency, long amount) {
            purchases.incrementAndGet();
            gmv.computeIfAbsent(currency, c -> new AtomicLong()).addAndGet(amount);
        }
    }

    /** What the day changed across the groups, which analytics' trend must show before the next day begins. */
    static final class DayCounts {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong checkIns = new AtomicLong();
        final AtomicLong joins = new AtomicLong();
        final AtomicLong leaves = new AtomicLong();
    }

    private final SimulationOptions options;
    private final SuiteEndpoints suite;
    private final Http http;
    private final KafkaTestClient kafka;
    private final String operator;
    private final Map<UUID, String> memberTokens = new ConcurrentHashMap<>();
    private final List<Member> members = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<Member> loners = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> pendingEvents = new ArrayList<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong registered = new AtomicLong();
    private final AtomicLong unattributedPurchases = new AtomicLong();
    private final Map<String, AtomicLong> unattributedGmv = new ConcurrentHashMap<>();
    private final AtomicLong advertisersRemoved = new AtomicLong();
    private final Map<String, UUID> templateIds = new ConcurrentHashMap<>();
    private volatile Duration offset = Duration.ZERO;
    private volatile DayCounts today = new DayCounts();
    private LocalDate firstDay;

    private Simulation(SimulationOptions options, SuiteEndpoints suite) {
        this.options = options;
        this.suite = suite;
        this.http = new Http(options.rate());
        this.kafka = new KafkaTestClient(suite.kafkaBootstrap());
        this.operator = suite.tokens().sign(UUID.randomUUID(), Set.of("member", "operator"), Duration.ofHours(12));
    }

    /** Plays the whole simulation and returns what it did. */
    public static GroundTruth run(SimulationOptions options, SuiteEndpoints suite) {
        Simulation simulation = new Simulation(options, suite);
        try {
            return simulation.play();
        } finally {
            simulation.kafka.close();
        }
    }

    private GroundTruth play() {
        long started = System.nanoTime();
        plan();
        Instant latest = suite.services().stream().map(this::clockOf).max(Instant::compareTo).orElseThrow();
        firstDay = LocalDate.ofInstant(latest, ZONE).plusDays(1);
        say("Simulating %d groups, %d members, %d days (%s to %s, %s), seed %d%s".formatted(options.groups(), options.members(),
                options.days(), firstDay, firstDay.plusDays(options.days() - 1), ZONE, options.seed(),
                options.rate() == 0 ? "" : ", at most " + options.rate() + " requests/s"));
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
        try {
            for (int day = 0; day < options.days(); day++) {
                today = new DayCounts();
                moveClocks(firstDay.plusDays(day).atTime(LocalTime.of(1, 0)).atZone(ZONE).toInstant());
                if (day == 0) {
                    setUp(pool);
                }
                int d = day;
                for (Group group : groups) {
                    if (group.createDay == d) {
                        createGroup(group);
                    }
                }
                parallel(pool, groups.stream().filter(g -> g.createDay <= d).toList(), group -> playDay(group, d));
                unattributedPurchase(d);
                flushEvents();
                awaitAnalyticsDay(firstDay.plusDays(day), today);
                progress(day + 1, started);
            }
            // Everything of the last day consumed first (grabs and attendances are not in the trend), so that
            // the sweep of the next morning assesses the last simulated day, as "yesterday", on all of it.
            List<String> unsettled = groundTruth((System.nanoTime() - started) / 1e9).verify(suite, Duration.ofMinutes(2));
            if (!unsettled.isEmpty()) {
                say("  warning: after 2 minutes the services still differ from the ground truth in " + unsettled.size() + " figures");
            }
            moveClocks(firstDay.plusDays(options.days()).atTime(LocalTime.of(0, 30)).atZone(ZONE).toInstant());
            awaitAssessed(firstDay.plusDays(options.days() - 1));
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return groundTruth(seconds);
    }

    // ---- planning: every decision that does not depend on the services' answers ----

    private void plan() {
        Random random = new Random(options.seed());
        for (int i = 0; i < options.members(); i++) {
            double habit = random.nextDouble() < 0.2 ? 0.95 : 0.3 + 0.4 * random.nextDouble();
            members.add(new Member(i, habit));
        }
        int days = options.days();
        for (int g = 0; g < options.groups(); g++) {
            Fate fate = Fate.values()[g % Fate.values().length];
            Template template = TEMPLATES.get((g + g / TEMPLATES.size()) % TEMPLATES.size());
            int createDay = fate == Fate.NEW ? Math.max(0, days - 7) : 0;
            Member owner = members.get(g);
            owner.verified = true;
            groups.add(new Group(g, template, fate, createDay, owner));
            owner.homes.add(groups.get(g));
        }
        // Advertisers: one for each OPEN group without a verification rule, joining half-way through its life.
        int next = options.members() - 1;
        for (Group group : groups) {
            if (group.template.mode().equals("OPEN") && !group.template.requireVerified() && next >= options.groups()
                    && days - group.createDay >= 2) {
                Member advertiser = members.get(next--);
                advertiser.advertiser = true;
                group.planned.add(new PlannedJoin(advertiser, group.createDay + (days - group.createDay) / 2));
            }
        }
        double[] weights = groups.stream().mapToDouble(g -> switch (g.fate) {
            case GROWING -> 1.5;
            case ACTIVE -> 1.2;
            case DECLINING -> 1.0;
            case DORMANT -> 0.8;
            case NEW -> 0.6;
        }).toArray();
        for (int i = options.groups(); i <= next; i++) {
            Member member = members.get(i);
            if (random.nextDouble() < 0.05) {
                loners.add(member);
                continue;
            }
            Group home = groups.get(pick(random, weights));
            plannedJoin(random, member, home);
            if (random.nextDouble() < 0.15) {
                Group second = groups.get(pick(random, weights));
                if (second != home) {
                    plannedJoin(random, member, second);
                }
            }
            member.verified = member.verified || random.nextDouble() < 0.4;
            if (i > options.groups() && random.nextDouble() < 0.3) {
                member.invitedWith = "member:" + (options.groups() + random.nextInt(i - options.groups()));
            }
        }
        for (Group group : groups) {
            group.planned.sort(java.util.Comparator.comparingInt(PlannedJoin::day).thenComparingInt(p -> p.member().index));
        }
    }

    private void plannedJoin(Random random, Member member, Group group) {
        int span = options.days() - group.createDay;
        double u = random.nextDouble();
        int offsetDays = switch (group.fate) {
            case GROWING -> (int) (span * Math.sqrt(u));
            case NEW -> (int) (span * u);
            default -> (int) (Math.min(span, 10) * u);
        };
        member.homes.add(group);
        if (group.template.requireVerified()) {
            member.verified = true;
        }
        group.planned.add(new PlannedJoin(member, group.createDay + Math.min(span - 1, offsetDays)));
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * Today's chance that a member of the group is active, by the group's fate: growing groups
     * wake up over time, active ones stay level, declining ones fade over their last three weeks
     * (or half of a shorter run) and dormant ones fall silent for their last 20 days (or half).
     */
    static double activity(Fate fate, int day, int days) {
        int left = days - day;
        int fade = Math.max(1, Math.min(21, days / 2));
        int silence = Math.max(1, Math.min(20, days / 2));
        return switch (fate) {
            case GROWING -> 0.08 + 0.3 * Math.pow((double) day / days, 2);
            case ACTIVE -> 0.2;
            case DECLINING -> left > fade ? 0.25 : 0.25 * Math.max(0.1, (left - 1) / (double) fade);
            case DORMANT -> left > silence ? 0.2 : 0;
            case NEW -> 0.3;
        };
    }

    private Random random(Group group, int day, int purpose) {
        return new Random(options.seed() * 1_000_003L + group.index * 10_007L + day * 101L + purpose);
    }

    // ---- day 0: members and templates ----

    private void setUp(ExecutorService pool) {
        // In generations: a member who registers with an invite code needs the inviter's code.
        List<Member> waiting = new ArrayList<>(members);
        while (!waiting.isEmpty()) {
            List<Member> ready = waiting.stream().filter(m -> m.invitedWith == null || inviter(m).inviteCode != null).toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException("member-service gave registered members no invite code");
            }
            parallel(pool, ready, this::register);
            waiting.removeAll(ready);
        }
        parallel(pool, members.stream().filter(m -> m.verified).toList(), member -> Http.expect("verify member " + member.index,
                http.post(suite.memberUrl() + "/api/v1/members/" + member.id + "/verification", operator,
                        Map.of("method", "PHONE", "reference", "simulated-" + member.index), true)));
        for (Template template : TEMPLATES) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", template.name() + " (simulated)");
            body.put("type", template.type());
            body.put("admission", template.admission());
            body.put("welcomeMessage", "Welcome to the " + template.name().toLowerCase() + "!");
            JsonNode created = Http.expect("create template " + template.name(), http.post(suite.groupUrl() + "/api/v1/templates", operator, body, false));
            templateIds.put(template.name(), UUID.fromString(created.path("id").asText()));
        }
        say("  registered %d members (%d verified, %d with an invite code), %d templates".formatted(members.size(),
                members.stream().filter(m -> m.verified).count(), members.stream().filter(m -> m.invitedWith != null).count(), TEMPLATES.size()));
    }

    private void register(Member member) {
        Random random = new Random(options.seed() * 31 + member.index);
        List<String> tags = new ArrayList<>();
        for (int t = 0, n = 1 + random.nextInt(3); t < n; t++) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("displayName", (member.advertiser ? "Deals " : "Member ") + member.index);
        profile.put("region", random.nextBoolean() ? "Hangzhou" : "Shanghai");
        profile.put("tags", tags);
        if (member.invitedWith != null) {
            profile.put("inviteCode", inviter(member).inviteCode);
        }
        JsonNode created = Http.expect("register member " + member.index, http.put(suite.memberUrl() + "/api/v1/members/me", token(member), profile));
        member.inviteCode = created.path("inviteCode").asText(null);
        long done = registered.incrementAndGet();
        if (done % 250 == 0) {
            say("  registering members: %d/%d, %d requests".formatted(done, members.size(), http.calls.get()));
        }
    }

    private Member inviter(Member member) {
        return members.get(Integer.parseInt(member.invitedWith.substring("member:".length())));
    }

    private void createGroup(Group group) {
        group.name = group.template.name() + " #" + group.index;
        JsonNode created = Http.expect("create group " + group.index, http.post(suite.groupUrl() + "/api/v1/groups", token(group.owner),
                Map.of("name", group.name, "templateId", templateIds.get(group.template.name()).toString(), "capacity", 100000), false));
        group.id = UUID.fromString(created.path("id").asText());
        group.members.add(group.owner);
        group.tally.joins.incrementAndGet();
        today.joins.incrementAndGet();
        group.flagWord = "加微信领券" + group.index;
        Map<String, Object> words = Map.of("words", List.of(Map.of("word", group.flagWord, "action", "FLAG")));
        untilKnown("group words of group " + group.index,
                () -> http.post(suite.engagementUrl() + "/api/v1/groups/" + group.id + "/sensitive-words", token(group.owner), words, true));
    }

    // ---- one day of one group ----

    private void playDay(Group group, int day) {
        Random random = random(group, day, 0);
        attendYesterdaysActivity(group, day);
        join(group, day);
        double q = activity(group.fate, day, options.days());
        List<Member> active = new ArrayList<>();
        for (Member member : group.members) {
            if (member.advertiser) {
                continue;
            }
            boolean wasActive = group.activeYesterday.contains(member);
            double stay = Math.min(0.85, 0.3 + 3 * q);
            double p = q == 0 ? 0 : wasActive ? stay : Math.min(1, q * (1 - stay) / (1 - q));
            if (random.nextDouble() < p) {
                active.add(member);
            }
        }
        group.activeYesterday.clear();
        group.activeYesterday.addAll(active);
        for (Member member : active) {
            if (random.nextDouble() < member.habit) {
                checkIn(group, member);
            }
            Instant lastRestMessage = null;
            for (int m = 0, n = 1 + (random.nextDouble() < 0.4 ? random.nextInt(3) : 0); m < n; m++) {
                if (random.nextDouble() < 0.35) {
                    lastRestMessage = postMessage(group, member, "Day " + day + " note " + m + " from member " + member.index);
                } else {
                    bridgeMessage(group, member, "Day " + day + " chat " + m);
                }
            }
            if (random.nextDouble() < 0.04) {
                namedPurchase(group, member, random);
            } else if (lastRestMessage != null && member.homes.size() == 1 && random.nextDouble() < 0.1) {
                lastTouchPurchase(group, member, lastRestMessage, random);
            }
        }
        if (active.size() >= 3 && (day + group.index) % 7 == 3) {
            redPacket(group, active, random);
        }
        if (active.size() >= 3 && (day + group.index) % 14 == 5) {
            lottery(group, active, random);
        }
        if (active.size() >= 3 && (day + group.index) % 10 == 2 && day < options.days() - 1) {
            scheduleActivity(group, active, day, random);
        }
        leave(group, day, random);
    }

    private void join(Group group, int day) {
        List<Member> pending = new ArrayList<>();
        for (PlannedJoin join : group.planned) {
            if (join.day() != day) {
                continue;
            }
            Member member = join.member();
            Map<String, Object> body = new LinkedHashMap<>();
            if (group.template.mode().equals("INVITE_ONLY")) {
                Member inviter = group.members.get(random(group, day, member.index).nextInt(group.members.size()));
                body.put("inviteCode", groupInviteCode(group, inviter));
            }
            String url = suite.groupUrl() + "/api/v1/groups/" + group.id + "/members";
            Http.Answer answer = untilAdmissible("join of member " + member.index + " to group " + group.index,
                    () -> http.post(url, token(member), body, true));
            String status = answer.status() == 409 ? membershipStatus(group, member) : Http.expect("join", answer).path("status").asText();
            switch (status) {
                case "ACTIVE" -> joined(group, member);
                case "PENDING_APPROVAL" -> pending.add(member);
                case "PENDING_PAYMENT" -> payEntry(group, member);
                default -> throw new IllegalStateException("join of member " + member.index + " to group " + group.index + " is " + status);
            }
            if (member.advertiser) {
                advertise(group, member);
            }
        }
        Random random = random(group, day, 1);
        for (Member member : pending) {
            String base = suite.groupUrl() + "/api/v1/groups/" + group.id + "/applications/" + member.id;
            if (random.nextDouble() < 0.85) {
                Http.expect("approve", http.post(base + "/approve", token(group.owner), null, true));
                joined(group, member);
            } else {
                Http.expect("reject", http.post(base + "/reject", token(group.owner), Map.of("reason", "Not a fit for this circle"), true));
            }
        }
    }

    private void joined(Group group, Member member) {
        group.members.add(member);
        group.tally.joins.incrementAndGet();
        today.joins.incrementAndGet();
    }

    /** The shop sells the entry (only the sku names the group); group-service admits the member when it sees the purchase. */
    private void payEntry(Group group, Member member) {
        UUID order = UUID.randomUUID();
        Purchase purchase = new Purchase(order, member.id, ENTRY_FEE, "CNY",
                List.of(new Purchase.Item(Purchase.ENTRY_FEE_SKU_PREFIX + group.id, 1, ENTRY_FEE)), null, null, simNow());
        http.pace();
        events.incrementAndGet();
        kafka.send(structured(purchase));
        until("the paid entry of member " + member.index + " to group " + group.index, () -> membershipStatus(group, member).equals("ACTIVE"));
        group.tally.purchase("CNY", ENTRY_FEE);
        joined(group, member);
    }

    /** Three messages with the group's flagged word: group-service removes the advertiser after its strike limit. */
    private void advertise(Group group, Member advertiser) {
        for (int i = 0; i < 3; i++) {
            postMessage(group, advertiser, "限时优惠 " + group.flagWord + " 第" + (i + 1) + "次");
        }
        until("the removal of the advertiser in group " + group.index, () -> membershipStatus(group, advertiser).equals("REMOVED"));
        group.members.remove(advertiser);
        group.tally.leaves.incrementAndGet();
        today.leaves.incrementAndGet();
        advertisersRemoved.incrementAndGet();
    }

    private void leave(Group group, int day, Random random) {
        int left = options.days() - day;
        double chance = group.fate == Fate.DECLINING && left <= 21 ? 0.02 : 0.003;
        for (Member member : List.copyOf(group.members)) {
            if (member == group.owner || random.nextDouble() >= chance) {
                continue;
            }
            Http.Answer answer = http.delete(suite.groupUrl() + "/api/v1/groups/" + group.id + "/members/" + member.id, token(member));
            if (!answer.ok() && !membershipStatus(group, member).equals("LEFT")) {
                throw new Http.Refused("leave of member " + member.index + " from group " + group.index, answer);
            }
            group.members.remove(member);
            group.activeYesterday.remove(member);
            group.tally.leaves.incrementAndGet();
            today.leaves.incrementAndGet();
        }
    }

    private void checkIn(Group group, Member member) {
        Http.Answer answer = http.post(suite.engagementUrl() + "/api/v1/groups/" + group.id + "/check-ins", token(member), null, true);
        Http.expect("check-in of member " + member.index + " in group " + group.index, answer);
        group.tally.checkIns.incrementAndGet();
        today.checkIns.incrementAndGet();
    }

    /** Posts through the API; returns when it was posted. An unknown outcome is settled by looking for the text. */
    private Instant postMessage(Group group, Member member, String text) {
        String url = suite.engagementUrl() + "/api/v1/groups/" + group.id + "/messages";
        String unique = text + " · " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode posted;
        try {
            posted = Http.expect("message of member " + member.index + " in group " + group.index,
                    http.post(url, token(member), Map.of("kind", "TEXT", "text", unique), false));
        } catch (Http.Unknown unknown) {
            posted = findMessage(url, unique);
            if (posted == null) {
                posted = Http.expect("message of member " + member.index + " (again)", http.post(url, token(member), Map.of("kind", "TEXT", "text", unique), false));
            }
        }
        group.tally.messages.incrementAndGet();
        today.messages.incrementAndGet();
        return Instant.parse(posted.path("postedAt").asText());
    }

    private JsonNode findMessage(String url, String text) {
        JsonNode page = Http.expect("messages", http.get(url + "?size=100", operator));
        for (JsonNode message : page.path("items")) {
            if (text.equals(message.path("text").asText())) {
                return message;
            }
        }
        return null;
    }

    /** What a chat bridge publishes: a binary-mode CloudEvent keyed by group, at the simulated moment. */
    private void bridgeMessage(Group group, Member member, String text) {
        Instant at = simNow();
        MessagePosted data = new MessagePosted(UUID.randomUUID(), group.id, member.id, MessageKind.TEXT, text, text.length(), null, null, at);
        publish(CloudEventRecords.binary(Events.MESSAGE_POSTED.topic(), group.id.toString(), UUID.randomUUID().toString(), BRIDGE,
                Events.MESSAGE_POSTED.type(), at, json(data)));
        group.tally.messages.incrementAndGet();
        group.tally.bridgeMessages.incrementAndGet();
        today.messages.incrementAndGet();
    }

    private void namedPurchase(Group group, Member member, Random random) {
        String currency = random.nextDouble() < 0.9 ? "CNY" : "USD";
        long amount = 100 * (10 + random.nextInt(490));
        Instant at = simNow();
        publish(structured(new Purchase(UUID.randomUUID(), member.id, amount, currency,
                List.of(new Purchase.Item("tea-" + random.nextInt(20), 1, amount)), group.id, null, at)));
        group.tally.purchase(currency, amount);
    }

    /**
     * A purchase naming no group, a millisecond after the buyer's message: analytics credits it to
     * the group the buyer was last active in (the buyer is a member of this group only).
     */
    private void lastTouchPurchase(Group group, Member member, Instant messageAt, Random random) {
        long amount = 100 * (5 + random.nextInt(200));
        Instant at = messageAt.plusMillis(1);
        publish(structured(new Purchase(UUID.randomUUID(), member.id, amount, "CNY",
                List.of(new Purchase.Item("book-" + random.nextInt(50), 1, amount)), null, null, at)));
        group.tally.purchase("CNY", amount);
    }

    /** Now and then someone who never took part anywhere buys: no group is credited. */
    private void unattributedPurchase(int day) {
        if (loners.isEmpty() || day % 5 != 4) {
            return;
        }
        Random random = new Random(options.seed() * 7 + day);
        Member buyer = loners.get(random.nextInt(loners.size()));
        long amount = 100 * (20 + random.nextInt(300));
        publish(structured(new Purchase(UUID.randomUUID(), buyer.id, amount, "CNY", null, null, null, simNow())));
        unattributedPurchases.incrementAndGet();
        unattributedGmv.computeIfAbsent("CNY", c -> new AtomicLong()).addAndGet(amount);
    }

    private void redPacket(Group group, List<Member> active, Random random) {
        int count = Math.max(1, Math.min(20, active.size() / 2));
        String base = suite.engagementUrl() + "/api/v1/groups/" + group.id + "/red-packets";
        JsonNode packet = Http.expect("red packet in group " + group.index, http.postOnce(base, token(group.owner),
                Map.of("totalAmount", 88L * count, "count", count, "currency", "CNY", "greeting", "恭喜发财", "expiresInMinutes", 600), UUID.randomUUID()));
        group.tally.redPackets.incrementAndGet();
        String grabs = base + "/" + packet.path("id").asText() + "/grabs";
        List<Member> grabbers = new ArrayList<>(active);
        java.util.Collections.shuffle(grabbers, random);
        for (Member member : grabbers) {
            Http.Answer answer = http.post(grabs, token(member), null, true);
            if (answer.ok()) {
                group.tally.grabs.incrementAndGet();
            } else if (!answer.problem().equals("red-packet-empty")) {
                throw new Http.Refused("grab of member " + member.index + " in group " + group.index, answer);
            }
        }
    }

    private void lottery(Group group, List<Member> active, Random random) {
        Instant closes = simNow().plus(Duration.ofHours(6));
        JsonNode lottery = Http.expect("lottery in group " + group.index, http.post(suite.engagementUrl() + "/api/v1/groups/" + group.id + "/lotteries",
                token(group.owner), Map.of("title", "Weekly tea draw", "prizes", List.of(Map.of("name", "Tea set", "quantity", 1)),
                        "entriesCloseAt", closes.toString(), "drawAt", closes.toString()), false));
        group.tally.lotteries.incrementAndGet();
        String entries = suite.engagementUrl() + "/api/v1/groups/" + group.id + "/lotteries/" + lottery.path("id").asText() + "/entries";
        for (Member member : active) {
            if (random.nextDouble() < 0.6) {
                Http.expect("lottery entry of member " + member.index, http.post(entries, token(member), null, true));
                group.tally.lotteryEntries.incrementAndGet();
            }
        }
    }

    /** An activity starting tomorrow at 01:10, just after the clock moves there; today's active members sign up. */
    private void scheduleActivity(Group group, List<Member> active, int day, Random random) {
        String type = ACTIVITY_TYPES[(day + group.index) % ACTIVITY_TYPES.length];
        Instant starts = firstDay.plusDays(day + 1).atTime(LocalTime.of(1, 10)).atZone(ZONE).toInstant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", "Day " + (day + 1) + " " + type.toLowerCase().replace('_', ' '));
        body.put("hostId", group.owner.id.toString());
        body.put("startsAt", starts.toString());
        body.put("endsAt", starts.plus(Duration.ofHours(2)).toString());
        if (type.equals("OFFLINE_MEETUP")) {
            body.put("location", "West Lake, Hangzhou");
        }
        JsonNode activity = Http.expect("activity in group " + group.index,
                http.post(suite.engagementUrl() + "/api/v1/groups/" + group.id + "/activities", token(group.owner), body, false));
        group.tally.activities.incrementAndGet();
        group.activityTomorrow = UUID.fromString(activity.path("id").asText());
        group.signedUpTomorrow.clear();
        String signUps = suite.engagementUrl() + "/api/v1/groups/" + group.id + "/activities/" + group.activityTomorrow + "/sign-ups";
        for (Member member : active) {
            if (random.nextDouble() < 0.5) {
                Http.expect("sign-up of member " + member.index, http.post(signUps, token(member), null, true));
                group.tally.signUps.incrementAndGet();
                group.signedUpTomorrow.add(member);
            }
        }
    }

    /** The owner records who came to yesterday's activity (about seven in ten of those signed up who are still members). */
    private void attendYesterdaysActivity(Group group, int day) {
        if (group.activityTomorrow == null) {
            return;
        }
        String url = suite.engagementUrl() + "/api/v1/groups/" + group.id + "/activities/" + group.activityTomorrow + "/attendances";
        Random random = random(group, day, 2);
        for (Member member : group.signedUpTomorrow) {
            if (group.members.contains(member) && random.nextDouble() < 0.7) {
                Http.expect("attendance of member " + member.index, http.post(url, token(group.owner), Map.of("memberId", member.id.toString()), true));
                group.tally.attendances.incrementAndGet();
            }
        }
        group.activityTomorrow = null;
        group.signedUpTomorrow.clear();
    }

    // ---- helpers ----

    private String groupInviteCode(Group group, Member inviter) {
        return group.groupInviteCodes.computeIfAbsent(inviter, m -> Http.expect("invite code",
                http.post(suite.groupUrl() + "/api/v1/groups/" + group.id + "/invites", token(m), null, true)).path("code").asText());
    }

    private String membershipStatus(Group group, Member member) {
        Http.Answer answer = http.get(suite.groupUrl() + "/api/v1/groups/" + group.id + "/members/" + member.id, operator);
        return answer.status() == 404 ? "NONE" : Http.expect("membership", answer).path("status").asText();
    }

    /** A join refused because group-service has not yet seen the member's verification is asked again. */
    private Http.Answer untilAdmissible(String what, java.util.function.Supplier<Http.Answer> request) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            Http.Answer answer = request.get();
            if (!answer.problem().equals("verification-required") || Instant.now().isAfter(deadline)) {
                return answer;
            }
            Http.sleep(Duration.ofMillis(250));
        }
    }

    /** engagement-service learns of a new group and its owner from group-service's events: until then it answers 403 or 404. */
    private void untilKnown(String what, java.util.function.Supplier<Http.Answer> request) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            Http.Answer answer = request.get();
            if (answer.ok() || answer.status() == 409) {
                return;
            }
            if ((answer.status() != 403 && answer.status() != 404) || Instant.now().isAfter(deadline)) {
                throw new Http.Refused(what, answer);
            }
            Http.sleep(Duration.ofMillis(250));
        }
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up waiting for " + what);
            }
            Http.sleep(Duration.ofMillis(200));
        }
    }

    private Instant clockOf(String serviceUrl) {
        JsonNode clock = Http.expect("GET " + serviceUrl + "/ops/clock (is the suite running with shequn.clock.movable=true, as ./shequn up does?)",
                http.get(serviceUrl + "/ops/clock", operator));
        return Instant.parse(clock.path("now").asText());
    }

    private void moveClocks(Instant target) {
        for (String service : suite.clocks()) {
            Http.expect("PUT " + service + "/ops/clock to " + target, http.put(service + "/ops/clock", operator, Map.of("now", target.toString())));
        }
        offset = Duration.between(Instant.now(), target);
    }

    /** The simulated moment: where the services' clocks stand now. */
    private Instant simNow() {
        return Instant.now().plus(offset);
    }

    private ProducerRecord<String, byte[]> structured(Purchase purchase) {
        return CloudEventRecords.structured(Events.PURCHASE.topic(), purchase.memberId().toString(), UUID.randomUUID().toString(), SHOP,
                Events.PURCHASE.type(), purchase.purchasedAt(), json(purchase));
    }

    private void publish(ProducerRecord<String, byte[]> record) {
        http.pace();
        events.incrementAndGet();
        synchronized (pendingEvents) {
            pendingEvents.add(record);
        }
    }

    private void flushEvents() {
        List<ProducerRecord<String, byte[]>> batch;
        synchronized (pendingEvents) {
            batch = List.copyOf(pendingEvents);
            pendingEvents.clear();
        }
        if (!batch.isEmpty()) {
            kafka.sendAll(batch);
        }
    }

    private static String json(Object data) {
        try {
            return EventJson.mapper().writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(Member member) {
        return memberTokens.computeIfAbsent(member.id, id -> suite.tokens().sign(id, Set.of("member"), Duration.ofHours(12)));
    }

    private static <T> void parallel(ExecutorService pool, List<T> items, Consumer<T> action) {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> action.accept(item)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Waits until analytics-service shows the day's messages, check-ins, joins and leaves, so that
     * the next day's health assessment of this one sees all of it (and the figures are the same in
     * every run). The trend covers every group an operator sees: in the days a simulation plays,
     * only it is active.
     */
    private void awaitAnalyticsDay(LocalDate day, DayCounts expected) {
        String url = suite.analyticsUrl() + "/api/v1/analytics/overview/trend?from=" + day + "&to=" + day;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String seen = "";
        while (Instant.now().isBefore(deadline)) {
            JsonNode d = Http.expect("trend", http.get(url, operator)).path("days").path(0);
            seen = "messages %d, check-ins %d, joins %d, leaves %d".formatted(d.path("messages").asLong(), d.path("checkIns").asLong(),
                    d.path("joins").asLong(), d.path("leaves").asLong());
            if (d.path("messages").asLong() >= expected.messages.get() && d.path("checkIns").asLong() >= expected.checkIns.get()
                    && d.path("joins").asLong() >= expected.joins.get() && d.path("leaves").asLong() >= expected.leaves.get()) {
                return;
            }
            Http.sleep(Duration.ofMillis(250));
        }
        say("  warning: after 3 minutes analytics-service shows for %s %s, simulated messages %d, check-ins %d, joins %d, leaves %d"
                .formatted(day, seen, expected.messages.get(), expected.checkIns.get(), expected.joins.get(), expected.leaves.get()));
    }

    /** Waits until analytics has assessed every group as of the last simulated day (its sweep runs after each clock move). */
    private void awaitAssessed(LocalDate lastDay) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            boolean all = true;
            for (Group group : groups) {
                JsonNode s = Http.expect("summary", http.get(suite.analyticsUrl() + "/api/v1/analytics/groups/" + group.id + "/summary?day=" + lastDay, operator));
                all &= lastDay.toString().equals(s.path("health").path("assessedDay").asText());
            }
            if (all) {
                return;
            }
            Http.sleep(Duration.ofMillis(500));
        }
        say("  warning: analytics-service had not assessed every group as of " + lastDay + " after 2 minutes");
    }

    private void progress(int daysDone, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double eta = seconds / daysDone * (options.days() - daysDone);
        say("day %d/%d  %s  requests %d (%.0f/s)  events %d  elapsed %s  ETA %s".formatted(daysDone, options.days(),
                firstDay.plusDays(daysDone - 1), http.calls.get(), http.calls.get() / seconds, events.get(), duration(seconds), duration(eta)));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return "%d:%02d".formatted(s / 60, s % 60);
    }

    private void say(String line) {
        options.progress().println(line);
        options.progress().flush();
    }

    private GroundTruth groundTruth(double seconds) {
        List<GroundTruth.Group> truth = new ArrayList<>();
        for (Group g : groups) {
            Tally t = g.tally;
            Map<String, Long> gmv = new TreeMap<>();
            t.gmv.forEach((currency, amount) -> gmv.put(currency, amount.get()));
            truth.add(new GroundTruth.Group(g.index, g.id, g.name, g.template.name(), g.template.admissionName(), g.fate.name(),
                    firstDay.plusDays(g.createDay), g.members.size(), t.joins.get(), t.leaves.get(), t.messages.get(), t.bridgeMessages.get(),
                    t.checkIns.get(), t.redPackets.get(), t.grabs.get(), t.lotteries.get(), t.lotteryEntries.get(), t.activities.get(),
                    t.signUps.get(), t.attendances.get(), t.purchases.get(), gmv));
        }
        Map<String, Long> unattributed = new TreeMap<>();
        unattributedGmv.forEach((currency, amount) -> unattributed.put(currency, amount.get()));
        GroundTruth.Totals totals = new GroundTruth.Totals(members.size(), members.stream().filter(m -> m.verified).count(),
                members.stream().filter(m -> m.invitedWith != null).count(), groups.size(), http.calls.get(), events.get(),
                unattributedPurchases.get(), unattributed, advertisersRemoved.get(), Math.round(seconds * 10) / 10.0);
        return new GroundTruth(options.seed(), options.days(), firstDay, firstDay.plusDays(options.days() - 1), ZONE.getId(), totals, truth);
    }
}
