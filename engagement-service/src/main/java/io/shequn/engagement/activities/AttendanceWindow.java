package io.shequn.engagement.activities;

import java.time.Duration;
import java.time.Instant;

/**
 * When attendance may be marked. A member with the activity's code: from 15 minutes before the
 * start until the end. A manager: from 15 minutes before the start on, also after the end (to
 * correct the list), never earlier.
 */
public final class AttendanceWindow {

    public static final Duration EARLY = Duration.ofMinutes(15);

    private AttendanceWindow() {
    }

    public static boolean openForCode(Instant startsAt, Instant endsAt, Instant now) {
        return !now.isBefore(startsAt.minus(EARLY)) && !now.isAfter(endsAt);
    }

    public static boolean openForManager(Instant startsAt, Instant now) {
        return !now.isBefore(startsAt.minus(EARLY));
    }
}
