package io.shequn.engagement.checkin;

import java.time.LocalDate;

/** Streak arithmetic: a streak counts consecutive days with a check-in, including the day itself. */
public final class Streaks {

    private Streaks() {
    }

    /** The streak a check-in on {@code day} makes, given the member's latest earlier check-in (or none). */
    public static int next(LocalDate previousDay, int previousStreak, LocalDate day) {
        if (previousDay != null && previousDay.plusDays(1).equals(day)) {
            return Math.addExact(previousStreak, 1);
        }
        return 1;
    }

    /** The streak still alive on {@code today}: the latest check-in's, if it was today or yesterday; else 0. */
    public static int current(LocalDate latestDay, int latestStreak, LocalDate today) {
        if (latestDay == null) {
            return 0;
        }
        return latestDay.equals(today) || latestDay.plusDays(1).equals(today) ? latestStreak : 0;
    }
}
