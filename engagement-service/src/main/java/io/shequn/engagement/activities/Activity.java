package io.shequn.engagement.activities;

import io.shequn.contracts.events.ActivityScheduled;
import io.shequn.contracts.events.ActivityStatus;
import io.shequn.contracts.events.ActivityType;
import io.shequn.engagement.Rows;

import java.time.Instant;
import java.util.UUID;

/** An activity row. */
record Activity(UUID id, UUID groupId, ActivityType type, String title, String description, UUID hostId, String location,
                Instant startsAt, Instant endsAt, Integer capacity, Instant signUpDeadline, String attendanceCode,
                ActivityStatus status, int version, int signedUp, int lastSeq, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, group_id, type, title, description, host_id, location, starts_at, ends_at, capacity, "
            + "sign_up_deadline, attendance_code, status, version, signed_up, last_seq, created_at, updated_at";

    static Activity of(Object row) {
        Object[] r = (Object[]) row;
        return new Activity(Rows.uuid(r[0]), Rows.uuid(r[1]), ActivityType.valueOf((String) r[2]), (String) r[3], (String) r[4],
                Rows.uuid(r[5]), (String) r[6], Rows.instant(r[7]), Rows.instant(r[8]), r[9] == null ? null : Rows.integer(r[9]),
                Rows.instant(r[10]), (String) r[11], ActivityStatus.valueOf((String) r[12]), Rows.integer(r[13]), Rows.integer(r[14]),
                Rows.integer(r[15]), Rows.instant(r[16]), Rows.instant(r[17]));
    }

    boolean hasRoom() {
        return capacity == null || signedUp < capacity;
    }

    boolean isCancelled() {
        return status == ActivityStatus.CANCELLED;
    }

    ActivityScheduled event(Instant at) {
        return new ActivityScheduled(id, groupId, type, title, hostId, startsAt, endsAt, capacity, location, status, version, at);
    }
}
