package io.shequn.engagement.checkin;

/**
 * How many points a check-in earns: {@code basePoints}, plus {@code streakStep} for every
 * consecutive day after the first up to {@code streakCap} extra, plus {@code weeklyBonus} on
 * every 7th consecutive day (day 7, 14, 21, ...).
 *
 * <p>The default (10, +2 a day up to +20, 50 on day 7) gives 10, 12, 14, 16, 18, 20, 72, 24,
 * 26, 28, 30, 30, 30, 80, ...
 */
public record CheckInRule(long basePoints, long streakStep, long streakCap, long weeklyBonus) {

    public static final CheckInRule DEFAULT = new CheckInRule(10, 2, 20, 50);

    public CheckInRule {
        if (basePoints < 0 || streakStep < 0 || streakCap < 0 || weeklyBonus < 0) {
            throw new IllegalArgumentException("Check-in points are never negative");
        }
    }

    /** The points of a check-in that makes a streak of {@code streak} days (1 = no streak). */
    public long pointsFor(int streak) {
        if (streak < 1) {
            throw new IllegalArgumentException("A streak counts at least the day itself: " + streak);
        }
        long days = streak - 1L;
        long extra = streakStep == 0 || days <= streakCap / streakStep ? Math.min(streakStep * days, streakCap) : streakCap;
        long bonus = streak % 7 == 0 ? weeklyBonus : 0;
        return basePoints + extra + bonus;
    }
}
