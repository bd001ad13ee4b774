package io.shequn.analytics.kols;

import io.shequn.contracts.events.MessagePosted;
import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Counts what KOL influence is made of (docs/analytics.md, "KOL influence"): messages per member
 * and day, and replies received, credited on the reply's day. A reply may be consumed before the
 * message it answers (a bridge resending, a late event): each message's author is kept, and the
 * original, when it arrives, collects the replies already waiting for it. Replying to oneself
 * counts for nothing.
 */
@ApplicationScoped
public class InfluenceRollup {

    @Inject
    EntityManager entityManager;

    /** One message, the moment it was posted (its event time) and the day it counts on. */
    public record Posted(MessagePosted message, Instant at, LocalDate day) {
    }

    /**
     * Counts a batch of messages with a few statements; the outcome is that of counting them one
     * by one in this order.
     *
     * @return the messages seen for the first time, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Posted> messages(List<Posted> batch) {
        Map<UUID, Posted> byId = new LinkedHashMap<>();
        batch.forEach(posted -> byId.putIfAbsent(posted.message().messageId(), posted));
        Set<Object> inserted = new HashSet<>();
        BulkSql.query(entityManager, """
                        insert into message_author (message_id, group_id, member_id, reply_to, day, posted_at)
                        select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::date[], ?::timestamptz[])
                        on conflict (message_id) do nothing returning message_id""",
                byId.values().stream().map(p -> new Object[] {p.message().messageId(), p.message().groupId(),
                        p.message().memberId(), p.message().replyTo(), p.day(), p.at()}).toList())
                .forEach(row -> inserted.add(row[0]));
        List<Posted> fresh = byId.values().stream().filter(p -> inserted.contains(p.message().messageId())).toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        Map<List<Object>, int[]> counts = new LinkedHashMap<>();
        fresh.forEach(p -> counts.computeIfAbsent(List.of(p.message().groupId(), p.message().memberId(), p.day()), k -> new int[2])[0]++);
        Set<List<Object>> pairs = new LinkedHashSet<>();

        // Replies in this batch, to messages stored before or in it.
        List<UUID> answered = fresh.stream().map(p -> p.message().replyTo()).filter(Objects::nonNull).distinct().toList();
        Map<UUID, Object[]> authors = new HashMap<>();
        if (!answered.isEmpty()) {
            for (Object[] row : BulkSql.query(entityManager,
                    "select message_id, group_id, member_id from message_author where message_id = any(?::uuid[])",
                    answered.stream().map(id -> new Object[] {id}).toList())) {
                authors.put((UUID) row[0], row);
            }
        }
        for (Posted reply : fresh) {
            Object[] original = reply.message().replyTo() == null ? null : authors.get(reply.message().replyTo());
            if (original != null && original[1].equals(reply.message().groupId())) {
                credit(counts, pairs, reply.message().groupId(), (UUID) original[2], reply.message().memberId(), reply.day());
            }
        }
        // Replies stored before this batch, waiting for a message that arrives now.
        List<UUID> ids = fresh.stream().map(p -> p.message().messageId()).toList();
        for (Object[] waiting : BulkSql.query(entityManager, """
                        select reply_to, group_id, member_id, day from message_author
                        where reply_to = any(?::uuid[]) and message_id <> all(?::uuid[])""",
                ids.stream().map(id -> new Object[] {id, id}).toList())) {
            Posted original = byId.get((UUID) waiting[0]);
            if (original != null && original.message().groupId().equals(waiting[1])) {
                credit(counts, pairs, original.message().groupId(), original.message().memberId(), (UUID) waiting[2],
                        io.shequn.analytics.activity.SqlValues.localDate(waiting[3]));
            }
        }
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new Object[] {key.get(0), key.get(1), key.get(2), c[0], c[1]}));
        BulkSql.update(entityManager, """
                        insert into member_influence_day (group_id, member_id, day, messages, replies_received)
                        select * from unnest(?::uuid[], ?::uuid[], ?::date[], ?::int[], ?::int[])
                        on conflict (group_id, day, member_id) do update set messages = member_influence_day.messages + excluded.messages,
                            replies_received = member_influence_day.replies_received + excluded.replies_received""", rows);
        Map<List<Object>, Integer> upper = new LinkedHashMap<>();
        counts.forEach((key, c) -> upper.put(key, c[0] * KolQueries.MESSAGE_POINTS + c[1] * KolQueries.REPLY_POINTS));
        if (!pairs.isEmpty()) {
            for (Object[] pair : BulkSql.query(entityManager, """
                    insert into reply_pair_day (group_id, member_id, replier_id, day) select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::date[])
                    on conflict do nothing returning group_id, member_id, day""", pairs.stream().map(List::toArray).toList())) {
                upper.merge(List.of(pair[0], pair[1], io.shequn.analytics.activity.SqlValues.localDate(pair[2])), KolQueries.REPLIER_POINTS, Integer::sum);
            }
        }
        cover(upper);
        return fresh;
    }

    /**
     * Adds to kol_cover (V16) what the batch adds to each member's most possible score on each day:
     * every block containing the day gets it. A reply pair new to reply_pair_day counts once, as a
     * replier that may be new in any window holding its day.
     */
    private void cover(Map<List<Object>, Integer> upper) {
        Map<List<Object>, Integer> blocks = new LinkedHashMap<>();
        upper.forEach((key, points) -> {
            for (KolCover block : KolCover.blocksOf((LocalDate) key.get(2))) {
                blocks.merge(List.of(key.get(0), block.span(), block.firstDay(), key.get(1)), points, Integer::sum);
            }
        });
        List<Object[]> rows = new ArrayList<>();
        blocks.forEach((key, points) -> rows.add(new Object[] {key.get(0), key.get(1), key.get(2), key.get(3), points}));
        BulkSql.update(entityManager, """
                        insert into kol_cover (group_id, span, first_day, member_id, upper)
                        select * from unnest(?::uuid[], ?::smallint[], ?::date[], ?::uuid[], ?::int[])
                        on conflict (group_id, span, first_day, member_id) do update set upper = kol_cover.upper + excluded.upper""", rows);
    }

    /** A reply by {@code replier} to {@code author} on {@code day}; answering oneself counts for nothing. */
    private static void credit(Map<List<Object>, int[]> counts, Set<List<Object>> pairs, UUID group, UUID author, UUID replier, LocalDate day) {
        if (author.equals(replier)) {
            return;
        }
        counts.computeIfAbsent(List.of(group, author, day), k -> new int[2])[1]++;
        pairs.add(List.of(group, author, replier, day));
    }
}
