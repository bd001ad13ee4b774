package io.shequn.group.moderation;

import io.shequn.contracts.events.MessageFlagged;
import io.shequn.group.groups.Group;
import io.shequn.group.groups.GroupRepository;
import io.shequn.group.groups.GroupService;
import io.shequn.group.membership.Membership;
import io.shequn.group.membership.MembershipRepository;
import io.shequn.group.membership.MembershipService;
import io.shequn.group.roles.Action;
import io.shequn.group.roles.GroupAccess;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moderation strikes: each flagged message is one strike for its author in that group; at the
 * group's strike limit (counting the current membership period's uncleared strikes) the member
 * is removed automatically with member-left REMOVED. The owner is never removed automatically.
 */
@ApplicationScoped
public class ModerationService {

    private static final Logger LOG = Logger.getLogger(ModerationService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    GroupService groups;

    @Inject
    GroupRepository groupRepository;

    @Inject
    MembershipRepository memberships;

    @Inject
    MembershipService membershipService;

    @Inject
    GroupAccess access;

    @Inject
    Clock clock;

    /** Applies a message-flagged event inside the inbox transaction. A message already counted changes nothing. */
    public void strike(MessageFlagged flagged) {
        Group group = groupRepository.lock(flagged.groupId()).orElse(null);
        if (group == null) {
            LOG.warnf("Message %s flagged in unknown group %s; ignored", flagged.messageId(), flagged.groupId());
            return;
        }
        Optional<Membership> membership = memberships.findActive(group.id, flagged.memberId());
        int inserted = entityManager.createNativeQuery("""
                        insert into moderation_strike (id, group_id, member_id, message_id, matched_words, flagged_at, membership_id)
                        values (:id, :group, :member, :message, cast(:words as text[]), :at, :membership)
                        on conflict (group_id, message_id) do nothing""")
                .setParameter("id", UUID.randomUUID()).setParameter("group", group.id)
                .setParameter("member", flagged.memberId()).setParameter("message", flagged.messageId())
                .setParameter("words", arrayLiteral(flagged.matchedWords())).setParameter("at", flagged.flaggedAt())
                .setParameter("membership", membership.map(m -> m.id).orElse(null))
                .executeUpdate();
        if (inserted == 0 || membership.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> wordArrays = entityManager.createNativeQuery("""
                        select matched_words from moderation_strike
                        where membership_id = :membership and cleared_at is null order by flagged_at""")
                .setParameter("membership", membership.get().id).getResultList();
        LOG.infof("Strike %d of %d for member %s in group %s", wordArrays.size(), group.strikeLimit,
                flagged.memberId(), group.id);
        if (StrikePolicy.removes(wordArrays.size(), group.strikeLimit)) {
            List<String> words = new ArrayList<>();
            wordArrays.forEach(a -> words.addAll(toList(a)));
            membershipService.removeAutomatically(group.id, flagged.memberId(), StrikePolicy.detail(wordArrays.size(), words))
                    .ifPresent(m -> LOG.infof("Member %s removed from group %s by moderation strikes", m.memberId, group.id));
        }
    }

    @Transactional
    public Page<StrikeResponse> strikes(UUID groupId, UUID memberId, boolean includeCleared, PageRequest page) {
        groups.find(groupId);
        access.require(Action.MANAGE_STRIKES, groupId);
        String where = " where group_id = :group" + (memberId == null ? "" : " and member_id = :member")
                + (includeCleared ? "" : " and cleared_at is null");
        var select = entityManager.createNativeQuery("""
                        select id, member_id, message_id, matched_words, flagged_at, cleared_at, cleared_by
                        from moderation_strike""" + where + " order by flagged_at desc, id")
                .setParameter("group", groupId);
        var count = entityManager.createNativeQuery("select count(*) from moderation_strike" + where)
                .setParameter("group", groupId);
        if (memberId != null) {
            select.setParameter("member", memberId);
            count.setParameter("member", memberId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return Page.of(rows.stream().map(r -> new StrikeResponse((UUID) r[0], groupId, (UUID) r[1], (UUID) r[2],
                toList(r[3]), toInstant(r[4]), r[5] == null ? null : toInstant(r[5]), (UUID) r[6])).toList(), page, total);
    }

    /** Owner and admins forgive a member: their uncleared strikes stop counting. Returns how many were cleared. */
    @Transactional
    public int clear(UUID groupId, UUID memberId) {
        groups.lock(groupId);
        access.require(Action.MANAGE_STRIKES, groupId);
        return entityManager.createNativeQuery("""
                        update moderation_strike set cleared_at = :at, cleared_by = :by
                        where group_id = :group and member_id = :member and cleared_at is null""")
                .setParameter("at", clock.instant().truncatedTo(ChronoUnit.MICROS)).setParameter("by", access.callerId())
                .setParameter("group", groupId).setParameter("member", memberId).executeUpdate();
    }

    private static List<String> toList(Object array) {
        if (array instanceof String[] strings) {
            return Arrays.asList(strings);
        }
        if (array instanceof Object[] objects) {
            return Arrays.stream(objects).map(String::valueOf).toList();
        }
        if (array instanceof Array sql) {
            try {
                return Arrays.stream((Object[]) sql.getArray()).map(String::valueOf).toList();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.of();
    }

    private static String arrayLiteral(List<String> words) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(words.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
