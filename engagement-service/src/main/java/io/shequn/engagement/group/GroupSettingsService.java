package io.shequn.engagement.group;

import io.shequn.contracts.events.GroupCreated;
import io.shequn.engagement.checkin.CheckInRule;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.platform.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GroupSettingsService {

    @Inject
    EntityManager entityManager;

    @Inject
    MembershipService memberships;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    void created(GroupCreated event) {
        entityManager.createNativeQuery("""
                        insert into engagement_group (group_id, time_zone, owner_id) values (:group, :zone, :owner)
                        on conflict (group_id) do update set time_zone = excluded.time_zone, owner_id = excluded.owner_id""")
                .setParameter("group", event.groupId())
                .setParameter("zone", event.timeZone().getId())
                .setParameter("owner", event.ownerId())
                .executeUpdate();
    }

    /** The group's settings, or the defaults for a group whose group-created has not arrived. */
    @Transactional
    public GroupSettings settings(UUID groupId) {
        List<?> rows = entityManager.createNativeQuery("""
                        select time_zone, check_in_base_points, check_in_streak_step, check_in_streak_cap,
                               check_in_weekly_bonus, message_points, message_daily_cap, activity_attendance_points
                        from engagement_group where group_id = :group""")
                .setParameter("group", groupId)
                .getResultList();
        if (rows.isEmpty()) {
            return GroupSettings.defaults(groupId);
        }
        Object[] row = (Object[]) rows.get(0);
        return new GroupSettings(groupId, ZoneId.of((String) row[0]),
                new CheckInRule(number(row[1]), number(row[2]), number(row[3]), number(row[4])),
                number(row[5]), number(row[6]), number(row[7]));
    }

    /** Members see their group's rules; so do operators. */
    @Transactional
    public GroupSettingsResponse get(UUID groupId, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        return GroupSettingsResponse.of(settings(groupId));
    }

    /** The owner, an admin or an operator changes the group's engagement rules. */
    @Transactional
    public GroupSettingsResponse update(UUID groupId, GroupRulesRequest request, Caller caller) {
        memberships.requireManager(groupId, caller);
        entityManager.createNativeQuery("""
                        insert into engagement_group (group_id, check_in_base_points, check_in_streak_step, check_in_streak_cap,
                                                      check_in_weekly_bonus, message_points, message_daily_cap,
                                                      activity_attendance_points, updated_at)
                        values (:group, :base, :step, :cap, :bonus, :messagePoints, :messageCap,
                                coalesce(cast(:attendancePoints as bigint), :defaultAttendancePoints), :now)
                        on conflict (group_id) do update set
                            check_in_base_points = excluded.check_in_base_points,
                            check_in_streak_step = excluded.check_in_streak_step,
                            check_in_streak_cap = excluded.check_in_streak_cap,
                            check_in_weekly_bonus = excluded.check_in_weekly_bonus,
                            message_points = excluded.message_points,
                            message_daily_cap = excluded.message_daily_cap,
                            activity_attendance_points = coalesce(cast(:attendancePoints as bigint), engagement_group.activity_attendance_points),
                            updated_at = excluded.updated_at""")
                .setParameter("group", groupId)
                .setParameter("base", request.checkInBasePoints())
                .setParameter("step", request.checkInStreakStep())
                .setParameter("cap", request.checkInStreakCap())
                .setParameter("bonus", request.checkInWeeklyBonus())
                .setParameter("messagePoints", request.messagePoints())
                .setParameter("messageCap", request.messageDailyCap())
                .setParameter("attendancePoints", request.activityAttendancePoints())
                .setParameter("defaultAttendancePoints", GroupSettings.DEFAULT_ACTIVITY_ATTENDANCE_POINTS)
                .setParameter("now", clock.instant())
                .executeUpdate();
        return GroupSettingsResponse.of(settings(groupId));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
