package io.shequn.engagement.messages;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessageFlagged;
import io.shequn.contracts.events.MessageKind;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.engagement.Rows;
import io.shequn.engagement.group.GroupSettings;
import io.shequn.engagement.group.GroupSettingsService;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.engagement.moderation.Moderator;
import io.shequn.engagement.moderation.Verdict;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.ErasedMembers;
import io.shequn.platform.inbox.ReceivedEvent;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.Problem;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Messages of a group, posted here or by a chat bridge, moderated the same way: a BLOCK word
 * rejects the message (kept only as a blocked record without its text), a FLAG word keeps it;
 * both publish {@code message-flagged}. Accepted messages earn points by the group's rule.
 */
@ApplicationScoped
public class MessageService {

    private static final Logger LOG = Logger.getLogger(MessageService.class);
    static final String API_SOURCE = "/shequn/engagement-service";
    /**
     * The messages a group's list shows: not blocked, and by someone who has joined the group (a
     * left member has joined). A chat bridge may relay a non-member's words: those are kept apart,
     * listed nowhere and earn nothing; if the author's member-joined arrives later (another topic),
     * they show from then on, as in analytics' figures (docs/analytics.md, "Messages from non-members").
     */
    private static final String LISTED = """
            from message m where m.group_id = :group and m.status <> 'BLOCKED'
              and exists (select 1 from group_membership g where g.group_id = m.group_id and g.member_id = m.member_id
                                                              and (g.joined_at is not null or g.left_at is not null))""";

    @Inject
    EntityManager entityManager;

    @Inject
    MessageRepository messages;

    @Inject
    MembershipService memberships;

    @Inject
    GroupSettingsService groups;

    @Inject
    Moderator moderator;

    @Inject
    PointsLedger ledger;

    @Inject
    ErasedMembers erasedMembers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Posts a member's message. A blocked message commits (its blocked record and message-flagged)
     * and comes back with a blocking verdict, for the resource to answer 422.
     */
    @Transactional
    public PostedMessage post(UUID groupId, UUID memberId, PostMessageRequest request) {
        memberships.requireMember(groupId, memberId);
        String text = request.text() == null || request.text().isBlank() ? null : request.text();
        if (text == null && (request.kind() == MessageKind.TEXT || request.kind() == MessageKind.LINK)) {
            throw ProblemException.invalid("text", "must not be blank for a " + request.kind() + " message");
        }
        requireInGroup(groupId, request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Verdict verdict = moderator.check(groupId, text);
        Message message = new Message(UUID.randomUUID(), groupId, memberId, request.kind(), text,
                text == null ? 0 : text.codePointCount(0, text.length()), request.replyTo(),
                request.mentions() == null ? null : List.copyOf(request.mentions()), status(verdict), verdict.words(),
                API_SOURCE, now, now);
        messages.persist(message);
        applyVerdict(message, verdict, now);
        if (!verdict.blocked()) {
            // The text stays home: length measures the message for analytics.
            outbox.publish(Events.MESSAGE_POSTED, new MessagePosted(message.id, groupId, memberId, message.kind, null,
                    message.length, message.replyTo, message.mentions, now), now);
            awardPoints(message, now);
        }
        return new PostedMessage(MessageResponse.of(message), verdict);
    }

    /**
     * A message answers a message of its own group and mentions its current members: naming a
     * message of another group (or a blocked one, which no member can see) or someone outside the
     * group would point readers at what they may not read, or notify people the group never had.
     */
    private void requireInGroup(UUID groupId, PostMessageRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.replyTo() != null && !messages.isVisibleIn(request.replyTo(), groupId)) {
            violations.add(new Problem.Violation("replyTo", "names no message of this group"));
        }
        List<UUID> mentions = request.mentions() == null ? List.of() : request.mentions();
        if (!mentions.isEmpty()) {
            Set<UUID> members = memberships.activeMembers(groupId, mentions);
            for (int i = 0; i < mentions.size(); i++) {
                if (!members.contains(mentions.get(i))) {
                    violations.add(new Problem.Violation("mentions[" + i + "]", "is not a member of this group"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** A message-posted from a chat bridge: stored, moderated and rewarded like one posted here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(MessagePosted event, ReceivedEvent envelope) {
        if (messages.findById(event.messageId()) != null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // An erased member's words are not kept, whichever of member-erased and the message is read first.
        String text = erasedMembers.isErased(event.memberId()) ? null : event.text();
        Verdict verdict = text == null ? Verdict.CLEAN : moderator.check(event.groupId(), text);
        Message message = new Message(event.messageId(), event.groupId(), event.memberId(), event.kind(), text,
                event.length(), event.replyTo(), event.mentions(), status(verdict), verdict.words(), envelope.source(),
                event.postedAt(), now);
        messages.persist(message);
        applyVerdict(message, verdict, now);
        if (!verdict.blocked() && memberships.isActiveMember(event.groupId(), event.memberId())) {
            awardPoints(message, now);
        }
    }

    @Transactional
    public Page<MessageResponse> list(UUID groupId, PageRequest page, Caller caller) {
        if (!caller.isOperator()) {
            memberships.requireMember(groupId, caller.memberId());
        }
        @SuppressWarnings("unchecked")
        List<MessageResponse> items = ((List<Message>) entityManager.createNativeQuery(
                        "select m.* " + LISTED + " order by m.posted_at desc, m.id", Message.class)
                .setParameter("group", groupId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList()).stream().map(MessageResponse::of).toList();
        long total = ((Number) entityManager.createNativeQuery("select count(*) " + LISTED)
                .setParameter("group", groupId)
                .getSingleResult()).longValue();
        return Page.of(items, page, total);
    }

    private void applyVerdict(Message message, Verdict verdict, Instant now) {
        if (verdict.flagged()) {
            outbox.publish(Events.MESSAGE_FLAGGED, new MessageFlagged(message.id, message.groupId, message.memberId,
                    verdict.words(), now), now);
            LOG.infof("Message %s in group %s %s by %d sensitive words", message.id, message.groupId,
                    verdict.blocked() ? "blocked" : "flagged", verdict.words().size());
        }
    }

    /** Per-group points per message, capped per member and day in the group's time zone. */
    private void awardPoints(Message message, Instant now) {
        GroupSettings settings = groups.settings(message.groupId);
        if (settings.messagePoints() <= 0 || settings.messageDailyCap() <= 0) {
            return;
        }
        // Under the member's balance lock, so concurrent messages cannot both pass the cap.
        ledger.lockBalance(message.memberId);
        ZonedDateTime startOfDay = LocalDate.ofInstant(now, settings.timeZone()).atStartOfDay(settings.timeZone());
        Object awardedToday = entityManager.createNativeQuery("""
                        select coalesce(sum(delta), 0) from points_entry
                        where member_id = :member and group_id = :group and reason = :reason
                          and created_at >= :from and created_at < :to""")
                .setParameter("member", message.memberId)
                .setParameter("group", message.groupId)
                .setParameter("reason", PointsReason.MESSAGE)
                .setParameter("from", startOfDay.toInstant())
                .setParameter("to", startOfDay.plusDays(1).toInstant())
                .getSingleResult();
        long award = MessagePointsRule.award(settings.messagePoints(), settings.messageDailyCap(), Rows.number(awardedToday));
        if (award > 0) {
            ledger.change(message.memberId, message.groupId, award, PointsReason.MESSAGE, message.id, null, null);
        }
    }

    private static Message.Status status(Verdict verdict) {
        return verdict.blocked() ? Message.Status.BLOCKED : verdict.flagged() ? Message.Status.FLAGGED : Message.Status.VISIBLE;
    }
}
