package io.shequn.analytics.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Messages whose author has not joined the group (docs/analytics.md, version 3, "Messages from
 * non-members"): a chat bridge may relay anyone's words, and they must not count as the group's
 * activity. Held here (without their text) and counted in no figure; the author's member-joined
 * or member-left of the group (which may be consumed after the message: topics are read in any
 * order) releases them into the figures.
 */
@ApplicationScoped
public class OutsideMessages {

    /** A message and the time of its event, which decides its day. */
    public record Timed(MessagePosted message, Instant at) {
    }

    @Inject
    EntityManager entityManager;

    /** The (group, member) pairs, of those given, whose member has joined the group at some time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<List<UUID>> joined(Set<List<UUID>> pairs) {
        Set<List<UUID>> joined = new HashSet<>();
        BulkSql.query(entityManager, """
                        select m.group_id, m.member_id from group_membership m
                        join unnest(?::uuid[], ?::uuid[]) as p (group_id, member_id) using (group_id, member_id)
                        where m.joined_at is not null or m.left_at is not null""",
                pairs.stream().map(List::toArray).toList())
                .forEach(row -> joined.add(List.of((UUID) row[0], (UUID) row[1])));
        return joined;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(List<Timed> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Timed t : messages) {
            MessagePosted m = t.message();
            MessagePosted withoutText = new MessagePosted(m.messageId(), m.groupId(), m.memberId(), m.kind(), null, m.length(),
                    m.replyTo(), m.mentions(), m.postedAt());
            rows.add(new Object[] {m.messageId(), m.groupId(), m.memberId(), t.at(), json(withoutText)});
        }
        BulkSql.update(entityManager, """
                        insert into outside_message (message_id, group_id, member_id, event_time, data)
                        select m, g, a, t, cast(d as jsonb) from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[]) as u (m, g, a, t, d)
                        on conflict (message_id) do nothing""", rows);
    }

    /** The member has joined the group: their held messages there, in the order of their events, removed from here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Timed> release(UUID group, UUID member) {
        List<Timed> released = new ArrayList<>();
        for (Object[] row : BulkSql.query(entityManager, """
                        delete from outside_message where (group_id, member_id) in (select * from unnest(?::uuid[], ?::uuid[]))
                        returning cast(data as text), event_time""", List.<Object[]>of(new Object[] {group, member}))) {
            released.add(new Timed(parse((String) row[0]), SqlValues.instant(row[1])));
        }
        released.sort(Comparator.comparing(Timed::at).thenComparing(t -> t.message().messageId()));
        return released;
    }

    private static String json(MessagePosted message) {
        try {
            return EventJson.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessagePosted parse(String json) {
        try {
            return EventJson.mapper().readValue(json, MessagePosted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
