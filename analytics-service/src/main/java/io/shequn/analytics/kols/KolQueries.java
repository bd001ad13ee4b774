package io.shequn.analytics.kols;

import io.shequn.analytics.groups.DayWindow;
import io.shequn.analytics.revenue.Revenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.shequn.analytics.activity.SqlValues.number;

/**
 * The members with the most influence in a group over a window (docs/analytics.md, "KOL
 * influence"). Reads the members of the window's kol_cover block best first and counts exactly
 * only those who can still reach the list (see {@link #top}); windows without such a block are
 * counted over all their days ({@link #TOP}).
 */
@ApplicationScoped
public class KolQueries {

    static final int MESSAGE_POINTS = 1;
    static final int REPLY_POINTS = 2;
    static final int REPLIER_POINTS = 3;
    static final int REFERRED_MEMBER_POINTS = 10;
    static final int REFERRED_PURCHASE_POINTS = 5;

    @Inject
    EntityManager entityManager;

    public record Kol(UUID memberId, long score, long messages, long repliesReceived, long distinctRepliers,
                      long referredMembers, long referredPurchases, List<Revenue> referredRevenue) {
    }

    /**
     * Every part of the score but the distinct repliers adds up over days; those lie between 0 and
     * the replies received (each replier replied at least once). So the limit-th best score without
     * them is a bar that every member of the list reaches, and only the members whose score with
     * the most repliers they could have reaches the bar need their distinct repliers counted. The
     * members tied with the last one are all returned, for the list's own order by member id.
     */
    private static final String TOP = """
            with influence as (
                     select member_id, sum(messages) as messages, sum(replies_received) as replies from member_influence_day
                     where group_id = :group and day between :from and :to group by member_id),
                 invited as (
                     select inviter_id as member_id, sum(joins) as referred from group_inviter_day
                     where group_id = :group and day between :from and :to group by inviter_id having sum(joins) > 0),
                 bought as (
                     select member_id, sum(purchases) as purchases from (
                         select inviter_id as member_id, sum(purchases) as purchases from referred_revenue_day
                         where group_id = :group and day between :from and :to group by inviter_id, currency having sum(purchases) > 0) c
                     group by member_id),
                 tally as (
                     select member_id, coalesce(i.messages, 0) as messages, coalesce(i.replies, 0) as replies,
                            coalesce(v.referred, 0) as referred, coalesce(b.purchases, 0) as purchases,
                            coalesce(i.messages, 0) * :messagePoints + coalesce(i.replies, 0) * :replyPoints
                            + coalesce(v.referred, 0) * :referredPoints + coalesce(b.purchases, 0) * :purchasePoints as additive
                     from influence i full join invited v using (member_id) full join bought b using (member_id)),
                 bar as (
                     select case when count(*) < :limit then -1 else min(additive) end as low
                     from (select additive from tally order by additive desc limit :limit) best),
                 candidates as (select t.* from tally t, bar where t.additive + t.replies * :replierPoints >= bar.low),
                 repliers as (
                     select p.member_id, count(distinct p.replier_id) as repliers
                     from candidates c join reply_pair_day p on p.group_id = :group and p.member_id = c.member_id and p.day between :from and :to
                     group by p.member_id)
            select c.member_id, c.messages, c.replies, coalesce(r.repliers, 0), c.referred, c.purchases,
                   c.additive + coalesce(r.repliers, 0) * :replierPoints as score
            from candidates c left join repliers r on r.member_id = c.member_id
            order by score desc fetch first (:limit) rows with ties""";

    /** Referred members and purchases per inviter over the window: the parts of the score not in kol_cover. */
    private static final String REFERRALS = """
            select member_id, sum(referred), sum(purchases) from (
                select inviter_id as member_id, sum(joins) as referred, 0 as purchases from group_inviter_day
                where group_id = :group and day between :from and :to group by inviter_id having sum(joins) > 0
                union all
                select inviter_id, 0, sum(purchases) from referred_revenue_day
                where group_id = :group and day between :from and :to group by inviter_id, currency having sum(purchases) > 0) r
            group by member_id""";

    /**
     * The exact messages, replies received and distinct repliers of the window, member by member
     * (an index probe each, whatever the group's size); members without a message or reply in it
     * are not returned, nor those whose score with a replier per reply stays under :bar (their
     * distinct repliers, the one part read from reply pairs, are not counted).
     */
    private static final String EXACT = """
            select m.member_id, i.messages, i.replies,
                   (select count(distinct replier_id) from reply_pair_day
                    where group_id = :group and member_id = m.member_id and day between :from and :to) as repliers
            from unnest(cast(:members as uuid[])) as m(member_id)
            cross join lateral (select count(*) as days, coalesce(sum(messages), 0) as messages, coalesce(sum(replies_received), 0) as replies
                                from member_influence_day where group_id = :group and member_id = m.member_id and day between :from and :to) i
            where i.days > 0 and i.messages * :messagePoints + i.replies * (:replyPoints + :replierPoints) >= :bar""";

    /**
     * The list, read from the one kol_cover block containing the window (KolCover): a member's
     * score in the window is at most their block's upper plus their referral points. First the
     * limit best of the blocks inside the window (members active in it), of the containing block
     * and of the referrers are counted exactly; the limit-th best of those scores is a bar every
     * member of the list reaches, so only the members whose upper (plus referral points) reaches
     * it are counted next, from the containing block by upper, best first; the rest of the block
     * is never read. A window of more than 128 days, or one where fewer than limit members were
     * found that way, is counted over all its days ({@link #TOP}).
     */
    @Transactional
    public List<Kol> top(UUID group, DayWindow window, int limit) {
        Optional<KolCover> cover = KolCover.containing(window);
        List<Kol> best = cover.isEmpty() ? List.of() : fromCover(group, window, limit, cover.get());
        if (best.size() < limit) {
            best = tallied(group, window, limit);
        }
        return withRevenue(group, window, best);
    }

    @SuppressWarnings("unchecked")
    private List<Kol> fromCover(UUID group, DayWindow window, int limit, KolCover cover) {
        Map<UUID, long[]> referrals = new HashMap<>();
        for (Object[] row : (List<Object[]>) inWindow(entityManager.createNativeQuery(REFERRALS), group, window).getResultList()) {
            referrals.put((UUID) row[0], new long[] {number(row[1]), number(row[2])});
        }
        Set<UUID> first = new LinkedHashSet<>();
        List<KolCover> blocks = new ArrayList<>(KolCover.inside(window));
        blocks.add(cover);
        for (KolCover block : blocks) {
            first.addAll((List<UUID>) inBlock(entityManager.createNativeQuery("""
                            select member_id from kol_cover where group_id = :group and span = :span and first_day = :first
                            order by upper desc limit :limit"""), group, block).setParameter("limit", limit).getResultList());
        }
        referrals.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<UUID, long[]> e) -> -referralPoints(e.getValue())))
                .limit(limit).forEach(e -> first.add(e.getKey()));
        Map<UUID, Kol> counted = new HashMap<>();
        exact(group, window, first, referrals, Long.MIN_VALUE, counted);
        if (counted.size() < limit) {
            return List.of();
        }
        long bar = counted.values().stream().map(Kol::score).sorted(Comparator.reverseOrder()).skip(limit - 1).findFirst().orElseThrow();
        Set<UUID> next = new HashSet<>((List<UUID>) inBlock(entityManager.createNativeQuery("""
                        select member_id from kol_cover where group_id = :group and span = :span and first_day = :first and upper >= :bar"""),
                group, cover).setParameter("bar", bar).getResultList());
        next.removeAll(first);
        next.removeAll(referrals.keySet());
        exact(group, window, next, referrals, bar, counted);
        Set<UUID> referrers = new HashSet<>(referrals.keySet());
        referrers.removeAll(first);
        if (!referrers.isEmpty()) {
            Map<UUID, Long> uppers = new HashMap<>();
            for (Object[] row : (List<Object[]>) inBlock(entityManager.createNativeQuery("""
                            select member_id, upper from kol_cover where group_id = :group and span = :span and first_day = :first
                            and member_id = any(cast(:members as uuid[]))"""), group, cover)
                    .setParameter("members", array(referrers)).getResultList()) {
                uppers.put((UUID) row[0], number(row[1]));
            }
            referrers.removeIf(m -> uppers.getOrDefault(m, 0L) + referralPoints(referrals.get(m)) < bar);
            exact(group, window, referrers, referrals, Long.MIN_VALUE, counted);
        }
        return ranked(counted.values().stream(), limit);
    }

    /**
     * Counts {@code members} exactly into {@code counted}: those with a message or reply in the
     * window or a referral, leaving out members without referrals whose score cannot reach
     * {@code bar}.
     */
    @SuppressWarnings("unchecked")
    private void exact(UUID group, DayWindow window, Set<UUID> members, Map<UUID, long[]> referrals, long bar, Map<UUID, Kol> counted) {
        if (members.isEmpty()) {
            return;
        }
        Set<UUID> active = new HashSet<>();
        for (Object[] row : (List<Object[]>) inWindow(entityManager.createNativeQuery(EXACT), group, window)
                .setParameter("members", array(members)).setParameter("bar", bar).setParameter("messagePoints", MESSAGE_POINTS)
                .setParameter("replyPoints", REPLY_POINTS).setParameter("replierPoints", REPLIER_POINTS).getResultList()) {
            UUID member = (UUID) row[0];
            active.add(member);
            long[] referred = referrals.getOrDefault(member, new long[2]);
            counted.put(member, kol(member, number(row[1]), number(row[2]), number(row[3]), referred[0], referred[1]));
        }
        for (UUID member : members) {
            long[] referred = referrals.get(member);
            if (!active.contains(member) && referred != null) {
                counted.put(member, kol(member, 0, 0, 0, referred[0], referred[1]));
            }
        }
    }

    private static Query inBlock(Query query, UUID group, KolCover block) {
        return query.setParameter("group", group).setParameter("span", block.span()).setParameter("first", block.firstDay());
    }

    /** A uuid[] literal: bound as text and cast in the SQL, one parameter however many members. */
    private static String array(Collection<UUID> members) {
        return members.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static long referralPoints(long[] referred) {
        return referred[0] * REFERRED_MEMBER_POINTS + referred[1] * REFERRED_PURCHASE_POINTS;
    }

    private static Kol kol(UUID member, long messages, long replies, long repliers, long referred, long purchases) {
        long score = messages * MESSAGE_POINTS + replies * REPLY_POINTS + repliers * REPLIER_POINTS
                + referred * REFERRED_MEMBER_POINTS + purchases * REFERRED_PURCHASE_POINTS;
        return new Kol(member, score, messages, replies, repliers, referred, purchases, List.of());
    }

    private static List<Kol> ranked(Stream<Kol> kols, int limit) {
        return kols.sorted(Comparator.comparingLong(Kol::score).reversed().thenComparing(Kol::memberId)).limit(limit).toList();
    }

    /** Every member's additive parts over every day of the window ({@link #TOP}). */
    @SuppressWarnings("unchecked")
    private List<Kol> tallied(UUID group, DayWindow window, int limit) {
        List<Object[]> rows = inWindow(entityManager.createNativeQuery(TOP), group, window)
                .setParameter("limit", limit).setParameter("messagePoints", MESSAGE_POINTS).setParameter("replyPoints", REPLY_POINTS)
                .setParameter("replierPoints", REPLIER_POINTS).setParameter("referredPoints", REFERRED_MEMBER_POINTS)
                .setParameter("purchasePoints", REFERRED_PURCHASE_POINTS)
                .getResultList();
        return ranked(rows.stream().map(row -> kol((UUID) row[0], number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                number(row[5]))), limit);
    }

    @SuppressWarnings("unchecked")
    private List<Kol> withRevenue(UUID group, DayWindow window, List<Kol> best) {
        if (best.isEmpty()) {
            return best;
        }
        Map<UUID, List<Revenue>> revenue = new HashMap<>();
        for (Object[] row : (List<Object[]>) inWindow(entityManager.createNativeQuery("""
                        select inviter_id, currency, sum(purchases), sum(amount) from referred_revenue_day
                        where group_id = :group and day between :from and :to and inviter_id in (:members) group by inviter_id, currency
                        having sum(purchases) > 0 order by currency"""), group, window)
                .setParameter("members", best.stream().map(Kol::memberId).toList())
                .getResultList()) {
            revenue.computeIfAbsent((UUID) row[0], m -> new ArrayList<>()).add(Revenue.fromRow(row, 1));
        }
        return best.stream()
                .map(k -> new Kol(k.memberId(), k.score(), k.messages(), k.repliesReceived(), k.distinctRepliers(), k.referredMembers(),
                        k.referredPurchases(), List.copyOf(revenue.getOrDefault(k.memberId(), List.of()))))
                .toList();
    }

    private static Query inWindow(Query query, UUID group, DayWindow window) {
        return query.setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to());
    }
}
