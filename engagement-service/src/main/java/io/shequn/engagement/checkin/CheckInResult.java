package io.shequn.engagement.checkin;

/** A check-in, and whether this request made it or found the day's check-in already made. */
public record CheckInResult(CheckInResponse checkIn, boolean created) {
}
