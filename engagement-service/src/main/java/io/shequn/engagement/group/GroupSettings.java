package io.shequn.engagement.group;

import io.shequn.engagement.checkin.CheckInRule;

import java.time.ZoneId;
import java.util.UUID;

/**
 * What engagement needs to know of a group: its time zone (days, streaks and daily caps are
 * counted in it) and its engagement rules. A group not heard of yet has the defaults.
 */
public record GroupSettings(UUID groupId, ZoneId timeZone, CheckInRule checkInRule, long messagePoints, long messageDailyCap,
                            long activityAttendancePoints) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    public static final long DEFAULT_MESSAGE_POINTS = 1;
    public static final long DEFAULT_MESSAGE_DAILY_CAP = 20;
    public static final long DEFAULT_ACTIVITY_ATTENDANCE_POINTS = 20;

    public static GroupSettings defaults(UUID groupId) {
        return new GroupSettings(groupId, DEFAULT_TIME_ZONE, CheckInRule.DEFAULT, DEFAULT_MESSAGE_POINTS, DEFAULT_MESSAGE_DAILY_CAP,
                DEFAULT_ACTIVITY_ATTENDANCE_POINTS);
    }
}
