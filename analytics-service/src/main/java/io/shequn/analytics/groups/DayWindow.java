package io.shequn.analytics.groups;

import io.shequn.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Days {@code from} to {@code to}, both included, in a group's time zone; at most {@value #MAX_DAYS} days. */
public record DayWindow(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    /** The window of a request, or a 400 naming what is wrong with it. */
    public static DayWindow of(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "must not be null");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "must be on or after from and at most " + MAX_DAYS + " days after it");
        }
        return new DayWindow(from, to);
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the window. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
