package io.shequn.analytics.activity;

import io.shequn.analytics.funnel.FunnelCounts;
import io.shequn.analytics.revenue.Attribution;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Who is a current member of which group. member-joined and member-left are different topics,
 * so a leave can be consumed before its join; the event times decide, never the arrival order.
 */
public final class MembershipListeners {

    private MembershipListeners() {
    }

    @ApplicationScoped
    public static class Joined implements InboxListener<MemberJoined> {

        @Inject
        EntityManager entityManager;

        @Inject
        GroupCalendar calendar;

        @Inject
        ActivityRollup rollup;

        @Inject
        Attribution attribution;

        @Inject
        RunningCounts counts;

        @Inject
        MessagePostedListener messages;

        @Inject
        FunnelCounts funnel;

        @Override
        public EventContract<MemberJoined> contract() {
            return Events.MEMBER_JOINED;
        }

        @Override
        public void on(MemberJoined data, ReceivedEvent event) {
            // A later join starts a new period; the earliest join decides the cohort and the inviter.
            RunningCounts.Membership before = counts.membership(data.groupId(), data.memberId());
            entityManager.createNativeQuery("""
                            insert into group_membership (group_id, member_id, joined_at, first_joined_at, inviter_id, role, role_at)
                            values (:group, :member, :at, :at, :inviter, :role, :at)
                            on conflict (group_id, member_id) do update set
                                joined_at = case when group_membership.joined_at is null or group_membership.joined_at < excluded.joined_at
                                                 then excluded.joined_at else group_membership.joined_at end,
                                left_at = case when group_membership.joined_at is null or group_membership.joined_at < excluded.joined_at
                                               then (case when group_membership.left_at >= excluded.joined_at then group_membership.left_at end)
                                               else group_membership.left_at end,
                                inviter_id = case when group_membership.first_joined_at is null or excluded.first_joined_at < group_membership.first_joined_at
                                                  then excluded.inviter_id else group_membership.inviter_id end,
                                first_joined_at = least(group_membership.first_joined_at, excluded.first_joined_at),
                                role = case when group_membership.role_at is null or group_membership.role_at < excluded.role_at
                                            then excluded.role else group_membership.role end,
                                role_at = greatest(group_membership.role_at, excluded.role_at)""")
                    .setParameter("group", data.groupId()).setParameter("member", data.memberId()).setParameter("at", data.joinedAt())
                    .setParameter("inviter", data.inviterId()).setParameter("role", data.role().name())
                    .executeUpdate();
            RunningCounts.Membership after = counts.membership(data.groupId(), data.memberId());
            counts.membershipChanged(data.groupId(), data.memberId(), before, after);
            UUID inviter = after.inviterId();
            attribution.inviterKnown(data.groupId(), data.memberId(), inviter);
            // The joiner's first join may have moved, and the inviter it names (or named) gained (or lost) a referral.
            funnel.membersChanged(new Object[] {data.groupId(), data.memberId()}, new Object[] {data.groupId(), inviter},
                    new Object[] {data.groupId(), before.inviterId()});
            messages.authorJoined(data.groupId(), data.memberId());
            rollup.count(data.groupId(), event.time(), calendar.dayOf(data.groupId(), event.time()), ActivityRollup.Counter.JOINS);
        }
    }

    @ApplicationScoped
    public static class Left implements InboxListener<MemberLeft> {

        @Inject
        EntityManager entityManager;

        @Inject
        GroupCalendar calendar;

        @Inject
        ActivityRollup rollup;

        @Inject
        RunningCounts counts;

        @Inject
        MessagePostedListener messages;

        @Override
        public EventContract<MemberLeft> contract() {
            return Events.MEMBER_LEFT;
        }

        @Override
        public void on(MemberLeft data, ReceivedEvent event) {
            RunningCounts.Membership before = counts.membership(data.groupId(), data.memberId());
            entityManager.createNativeQuery("""
                            insert into group_membership (group_id, member_id, left_at) values (:group, :member, :at)
                            on conflict (group_id, member_id) do update set left_at = excluded.left_at
                            where (group_membership.joined_at is null or group_membership.joined_at <= excluded.left_at)
                              and (group_membership.left_at is null or group_membership.left_at < excluded.left_at)""")
                    .setParameter("group", data.groupId()).setParameter("member", data.memberId()).setParameter("at", data.leftAt())
                    .executeUpdate();
            counts.membershipChanged(data.groupId(), data.memberId(), before, counts.membership(data.groupId(), data.memberId()));
            messages.authorJoined(data.groupId(), data.memberId());   // a leave says they had joined
            rollup.count(data.groupId(), event.time(), calendar.dayOf(data.groupId(), event.time()), ActivityRollup.Counter.LEAVES);
        }
    }
}
