package io.shequn.engagement.activities;

/** An attendance, and whether this request recorded it (false: it was recorded before). */
public record Attended(AttendanceResponse attendance, boolean created) {
}
