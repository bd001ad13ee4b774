package io.shequn.engagement.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** A leaderboard period in the group's time zone: this ISO week (from Monday), this month, or all time. */
public enum Period {
    WEEK, MONTH, ALL_TIME;

    /** [from, to) of the period containing {@code now}; null bounds for all time. */
    public Range range(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (this) {
            case WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Range(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
            }
            case MONTH -> {
                LocalDate first = today.withDayOfMonth(1);
                yield new Range(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
            }
            case ALL_TIME -> new Range(null, null);
        };
    }

    public record Range(Instant from, Instant to) {
    }
}
