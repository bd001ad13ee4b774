package io.shequn.analytics.activity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Native query results arrive as java.time or java.sql types depending on the driver path. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A count or sum; SQL's null (a sum over no rows) is 0. */
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
