package io.shequn.analytics.kols;

import io.shequn.contracts.events.MessagePosted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
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

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    /** @return false when this message was counted before (the same message under another event id) */
    public boolean message(MessagePosted message, LocalDate day) {
        int firstSeen = entityManager.createNativeQuery("""
                        insert into message_author (message_id, group_id, member_id, reply_to, day) values (:message, :group, :member, :replyTo, :day)
                        on conflict (message_id) do nothing""")
                .setParameter("message", message.messageId()).setParameter("group", message.groupId())
                .setParameter("member", message.memberId()).setParameter("replyTo", message.replyTo()).setParameter("day", day)
                .executeUpdate();
        if (firstSeen == 0) {
            return false;
        }
        add(message.groupId(), message.memberId(), day, 1, 0);
        if (message.replyTo() != null) {
            List<?> author = entityManager.createNativeQuery("select member_id from message_author where message_id = :message and group_id = :group")
                    .setParameter("message", message.replyTo()).setParameter("group", message.groupId()).getResultList();
            if (!author.isEmpty()) {
                reply(message.groupId(), (UUID) author.get(0), message.memberId(), day);
            }
        }
        for (Object[] waiting : (List<Object[]>) entityManager.createNativeQuery(
                        "select member_id, day from message_author where reply_to = :message and group_id = :group")
                .setParameter("message", message.messageId()).setParameter("group", message.groupId()).getResultList()) {
            reply(message.groupId(), message.memberId(), (UUID) waiting[0], io.shequn.analytics.activity.SqlValues.localDate(waiting[1]));
        }
        return true;
    }

    private void reply(UUID group, UUID author, UUID replier, LocalDate day) {
        if (author.equals(replier)) {
            return;
        }
        add(group, author, day, 0, 1);
        entityManager.createNativeQuery("""
                        insert into reply_pair_day (group_id, member_id, replier_id, day) values (:group, :member, :replier, :day)
                        on conflict do nothing""")
                .setParameter("group", group).setParameter("member", author).setParameter("replier", replier).setParameter("day", day)
                .executeUpdate();
    }

    private void add(UUID group, UUID member, LocalDate day, int messages, int replies) {
        entityManager.createNativeQuery("""
                        insert into member_influence_day (group_id, member_id, day, messages, replies_received) values (:group, :member, :day, :messages, :replies)
                        on conflict (group_id, day, member_id) do update set messages = member_influence_day.messages + excluded.messages,
                            replies_received = member_influence_day.replies_received + excluded.replies_received""")
                .setParameter("group", group).setParameter("member", member).setParameter("day", day)
                .setParameter("messages", messages).setParameter("replies", replies)
                .executeUpdate();
    }
}
