package io.shequn.engagement.activities;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.ActivityAttended;
import io.shequn.contracts.events.ActivityStatus;
import io.shequn.contracts.events.ActivityType;
import io.shequn.engagement.Rows;
import io.shequn.engagement.group.GroupSettingsService;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Activities, their sign-up chain (接龙) with a first-come waitlist, and attendance. Sign-ups,
 * cancellations and changes of capacity take the activity row's lock (see V7__activities.sql),
 * so places are given one at a time in arrival order and a freed place goes to the head of the
 * waitlist in the same transaction. Each change of the activity itself publishes
 * {@code activity-scheduled} with a higher version; each attendance {@code activity-attended}.
 */
@ApplicationScoped
public class ActivityService {

    public static final int MAX_CAPACITY = 100_000;
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final Duration MAX_LENGTH = Duration.ofDays(30);

    private static final Logger LOG = Logger.getLogger(ActivityService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MembershipService memberships;

    @Inject
    GroupSettingsService groups;

    @Inject
    PointsLedger ledger;

    @Inject
    Outbox outbox;

    @Inject
    AttendanceCodeGuesses guesses;

    @Inject
    Clock clock;

    public enum When { UPCOMING, PAST }

    /** The group's owner, admins and operators schedule activities. */
    @Transactional
    public ActivityResponse create(UUID groupId, CreateActivityRequest request, Caller caller) {
        memberships.requireManager(groupId, caller);
        Instant now = now();
        Instant deadline = request.signUpDeadline() != null ? request.signUpDeadline() : request.startsAt();
        validate(request.type(), request.startsAt(), request.endsAt(), deadline, request.location(), now);
        requireHost(groupId, request.hostId());
        Activity activity = new Activity(UUID.randomUUID(), groupId, request.type(), request.title().strip(), request.description(),
                request.hostId(), request.location(), request.startsAt(), request.endsAt(), request.capacity(), deadline,
                AttendanceCode.next(), ActivityStatus.SCHEDULED, 1, 0, 0, now, now);
        entityManager.createNativeQuery("""
                        insert into activity (id, group_id, type, title, description, host_id, location, starts_at, ends_at, capacity,
                                              sign_up_deadline, attendance_code, status, version, created_by, created_at, updated_at)
                        values (:id, :group, :type, :title, :description, :host, :location, :startsAt, :endsAt, :capacity,
                                :deadline, :code, 'SCHEDULED', 1, :by, :at, :at)""")
                .setParameter("id", activity.id()).setParameter("group", groupId).setParameter("type", activity.type().name())
                .setParameter("title", activity.title()).setParameter("description", activity.description())
                .setParameter("host", activity.hostId()).setParameter("location", activity.location())
                .setParameter("startsAt", activity.startsAt()).setParameter("endsAt", activity.endsAt())
                .setParameter("capacity", activity.capacity()).setParameter("deadline", deadline)
                .setParameter("code", activity.attendanceCode()).setParameter("by", caller.memberId()).setParameter("at", now)
                .executeUpdate();
        outbox.publish(Events.ACTIVITY_SCHEDULED, activity.event(now), now);
        LOG.infof("Activity %s scheduled in group %s by %s", activity.id(), groupId, caller.memberId());
        return response(activity, caller);
    }

    /** A manager changes an activity that has not ended; a larger capacity promotes from the waitlist at once. */
    @Transactional
    public ActivityResponse update(UUID groupId, UUID activityId, UpdateActivityRequest request, Caller caller) {
        memberships.requireManager(groupId, caller);
        Activity current = lock(groupId, activityId);
        Instant now = now();
        requireChangeable(current, now);
        Instant startsAt = request.startsAt() != null ? request.startsAt() : current.startsAt();
        Instant endsAt = request.endsAt() != null ? request.endsAt() : current.endsAt();
        Instant deadline = request.signUpDeadline() != null ? request.signUpDeadline() : current.signUpDeadline();
        String location = request.location() != null ? request.location() : current.location();
        if (request.startsAt() != null || request.endsAt() != null || request.signUpDeadline() != null) {
            validate(current.type(), startsAt, endsAt, deadline, location, now);
        }
        UUID host = request.hostId() != null ? request.hostId() : current.hostId();
        if (request.hostId() != null) {
            requireHost(groupId, host);
        }
        Integer capacity = request.capacity() != null ? request.capacity() : current.capacity();
        if (capacity != null && capacity < current.signedUp()) {
            throw ProblemException.conflict("capacity-below-sign-ups",
                    "capacity: " + current.signedUp() + " members are signed up; cancel sign-ups before lowering it below that");
        }
        entityManager.createNativeQuery("""
                        update activity set title = :title, description = :description, host_id = :host, location = :location,
                            starts_at = :startsAt, ends_at = :endsAt, capacity = :capacity, sign_up_deadline = :deadline,
                            version = version + 1, updated_at = :now
                        where id = :id""")
                .setParameter("title", request.title() != null ? request.title().strip() : current.title())
                .setParameter("description", request.description() != null ? request.description() : current.description())
                .setParameter("host", host).setParameter("location", location).setParameter("startsAt", startsAt)
                .setParameter("endsAt", endsAt).setParameter("capacity", capacity).setParameter("deadline", deadline)
                .setParameter("now", now).setParameter("id", activityId)
                .executeUpdate();
        Activity changed = lock(groupId, activityId);
        promote(changed, now);
        changed = lock(groupId, activityId);
        outbox.publish(Events.ACTIVITY_SCHEDULED, changed.event(now), now);
        return response(changed, caller);
    }

    /** A manager calls an activity off; sign-ups stay on record. */
    @Transactional
    public ActivityResponse cancel(UUID groupId, UUID activityId, Caller caller) {
        memberships.requireManager(groupId, caller);
        Activity current = lock(groupId, activityId);
        Instant now = now();
        if (!current.isCancelled()) {
            requireChangeable(current, now);
            entityManager.createNativeQuery(
                            "update activity set status = 'CANCELLED', version = version + 1, updated_at = :now where id = :id")
                    .setParameter("now", now).setParameter("id", activityId).executeUpdate();
            current = lock(groupId, activityId);
            outbox.publish(Events.ACTIVITY_SCHEDULED, current.event(now), now);
            LOG.infof("Activity %s cancelled by %s", activityId, caller.memberId());
        }
        return response(current, caller);
    }

    @Transactional
    public ActivityResponse get(UUID groupId, UUID activityId, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        return response(find(groupId, activityId), caller);
    }

    /** Upcoming (not ended yet) soonest first, or past (ended) latest first. */
    @Transactional
    public Page<ActivityResponse> list(UUID groupId, When when, PageRequest page, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        String filter = when == When.PAST ? "ends_at <= :now order by starts_at desc, id" : "ends_at > :now order by starts_at, id";
        Instant now = clock.instant();
        List<ActivityResponse> items = ((List<?>) entityManager.createNativeQuery("select " + Activity.COLUMNS
                        + " from activity where group_id = :group and " + filter + " limit :limit offset :offset")
                .setParameter("group", groupId).setParameter("now", now).setParameter("limit", page.size())
                .setParameter("offset", page.offset()).getResultList()).stream()
                .map(row -> response(Activity.of(row), caller)).toList();
        long total = Rows.number(entityManager.createNativeQuery("select count(*) from activity where group_id = :group and "
                        + (when == When.PAST ? "ends_at <= :now" : "ends_at > :now"))
                .setParameter("group", groupId).setParameter("now", now).getSingleResult());
        return Page.of(items, page, total);
    }

    /** A member joins the chain: a place while there is one, else the waitlist; signing up again answers with the sign-up. */
    @Transactional
    public SignedUp signUp(UUID groupId, UUID activityId, UUID memberId) {
        memberships.requireMember(groupId, memberId);
        Activity activity = lock(groupId, activityId);
        Optional<SignUpResponse> before = signUpOf(activity, memberId);
        if (before.isPresent() && before.get().status() != SignUpResponse.Status.CANCELLED) {
            return new SignedUp(before.get(), false);
        }
        Instant now = now();
        if (activity.isCancelled()) {
            throw cancelled(activityId);
        }
        if (now.isAfter(activity.signUpDeadline())) {
            throw ProblemException.conflict("sign-up-closed", "Sign-ups to activity " + activityId + " closed at " + activity.signUpDeadline());
        }
        boolean place = activity.hasRoom();
        int seq = activity.lastSeq() + 1;
        entityManager.createNativeQuery("""
                        insert into activity_sign_up (activity_id, member_id, seq, status, signed_up_at) values (:id, :member, :seq, :status, :now)
                        on conflict (activity_id, member_id) do update set seq = excluded.seq, status = excluded.status,
                            signed_up_at = excluded.signed_up_at, promoted_at = null, cancelled_at = null""")
                .setParameter("id", activityId).setParameter("member", memberId).setParameter("seq", seq)
                .setParameter("status", place ? "SIGNED_UP" : "WAITLISTED").setParameter("now", now)
                .executeUpdate();
        entityManager.createNativeQuery("update activity set last_seq = :seq, signed_up = signed_up + :place where id = :id")
                .setParameter("seq", seq).setParameter("place", place ? 1 : 0).setParameter("id", activityId).executeUpdate();
        return new SignedUp(signUpOf(activity, memberId).orElseThrow(), true);
    }

    /** A member leaves the chain before the start; a place they free goes to the head of the waitlist. */
    @Transactional
    public void cancelSignUp(UUID groupId, UUID activityId, UUID memberId) {
        memberships.requireMember(groupId, memberId);
        Activity activity = lock(groupId, activityId);
        SignUpResponse signUp = signUpOf(activity, memberId).orElseThrow(() -> new ProblemException(404, "not-signed-up", "Not found",
                "Member " + memberId + " has not signed up for activity " + activityId));
        if (signUp.status() == SignUpResponse.Status.CANCELLED) {
            return;
        }
        Instant now = now();
        if (!now.isBefore(activity.startsAt())) {
            throw ProblemException.conflict("activity-started", "Activity " + activityId + " started at " + activity.startsAt());
        }
        entityManager.createNativeQuery("""
                        update activity_sign_up set status = 'CANCELLED', cancelled_at = :now where activity_id = :id and member_id = :member""")
                .setParameter("now", now).setParameter("id", activityId).setParameter("member", memberId).executeUpdate();
        if (signUp.status() == SignUpResponse.Status.SIGNED_UP) {
            entityManager.createNativeQuery("update activity set signed_up = signed_up - 1 where id = :id")
                    .setParameter("id", activityId).executeUpdate();
            promote(lock(groupId, activityId), now);
        }
    }

    /** The chain: signed-up members numbered in sign-up order, then the waitlist in order. */
    @Transactional
    public Page<SignUpResponse> signUps(UUID groupId, UUID activityId, PageRequest page, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        Activity activity = find(groupId, activityId);
        List<SignUpResponse> items = ((List<?>) entityManager.createNativeQuery("""
                        select member_id, status, signed_up_at, promoted_at, position from (
                            select member_id, status, seq, signed_up_at, promoted_at,
                                   row_number() over (partition by status order by seq) as position
                            from activity_sign_up where activity_id = :id and status <> 'CANCELLED') chain
                        order by case status when 'SIGNED_UP' then 0 else 1 end, seq limit :limit offset :offset""")
                .setParameter("id", activityId).setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream().map(row -> signUp(activityId, (Object[]) row)).toList();
        long total = Rows.number(entityManager.createNativeQuery(
                        "select count(*) from activity_sign_up where activity_id = :id and status <> 'CANCELLED'")
                .setParameter("id", activity.id()).getSingleResult());
        return Page.of(items, page, total);
    }

    /**
     * Attendance, once per member: a manager marks a member ({@code memberId}) from 15 minutes
     * before the start on; a member marks themselves with the code ({@code code}) from 15 minutes
     * before the start until the end (422 outside), with at most {@value AttendanceCodeGuesses#LIMIT}
     * wrong codes per 15 minutes (429 beyond). Awards the group's attendance points.
     */
    @Transactional(dontRollbackOn = AttendanceCodeGuesses.Refused.class)
    public Attended attend(UUID groupId, UUID activityId, AttendRequest request, Caller caller) {
        if ((request.code() == null) == (request.memberId() == null)) {
            throw new ProblemException(400, "validation", "Invalid request", "code, memberId: give exactly one of them");
        }
        UUID attendee;
        UUID markedBy = null;
        if (request.memberId() != null) {
            memberships.requireManager(groupId, caller);
            attendee = request.memberId();
            markedBy = caller.memberId();
            if (!memberships.isActiveMember(groupId, attendee)) {
                throw new ProblemException(422, "attendee-not-a-member", "Unprocessable",
                        "memberId: " + attendee + " is not a member of group " + groupId);
            }
        } else {
            attendee = caller.memberId();
            memberships.requireMember(groupId, attendee);
        }
        Activity activity = find(groupId, activityId);
        Optional<AttendanceResponse> before = attendanceOf(activityId, attendee);
        if (before.isPresent()) {
            return new Attended(before.get(), false);
        }
        if (activity.isCancelled()) {
            throw cancelled(activityId);
        }
        Instant now = now();
        boolean open = markedBy != null ? AttendanceWindow.openForManager(activity.startsAt(), now)
                : AttendanceWindow.openForCode(activity.startsAt(), activity.endsAt(), now);
        if (!open) {
            throw new ProblemException(422, "outside-attendance-window", "Unprocessable", "Attendance to activity " + activityId
                    + " is open from " + activity.startsAt().minus(AttendanceWindow.EARLY)
                    + (markedBy != null ? "" : " until " + activity.endsAt()));
        }
        if (markedBy == null) {
            guesses.requireGuessesLeft(activityId, attendee, now);
            if (!AttendanceCode.matches(activity.attendanceCode(), request.code())) {
                throw guesses.wrong(activityId, attendee, now);
            }
        }
        long points = groups.settings(groupId).activityAttendancePoints();
        int recorded = entityManager.createNativeQuery("""
                        insert into activity_attendance (activity_id, member_id, attended_at, marked_by, points_awarded)
                        values (:id, :member, :now, :by, :points) on conflict (activity_id, member_id) do nothing""")
                .setParameter("id", activityId).setParameter("member", attendee).setParameter("now", now)
                .setParameter("by", markedBy).setParameter("points", points).executeUpdate();
        if (recorded == 0) {
            // The same attendance, marked at the same moment by the member and a manager, committed first.
            return new Attended(attendanceOf(activityId, attendee).orElseThrow(), false);
        }
        if (points > 0) {
            ledger.change(attendee, groupId, points, PointsReason.ACTIVITY_ATTENDANCE, activityId, markedBy, null);
        }
        outbox.publish(Events.ACTIVITY_ATTENDED, new ActivityAttended(activityId, groupId, attendee, now), now);
        return new Attended(new AttendanceResponse(activityId, attendee, now, markedBy, points), true);
    }

    /** After the end: members signed up (with a place) who never attended, in chain order. Managers, the host and operators. */
    @Transactional
    public Page<SignUpResponse> noShows(UUID groupId, UUID activityId, PageRequest page, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        Activity activity = find(groupId, activityId);
        if (!activity.hostId().equals(caller.memberId())) {
            memberships.requireManager(groupId, caller);
        }
        if (clock.instant().isBefore(activity.endsAt())) {
            throw ProblemException.conflict("activity-not-ended", "Activity " + activityId + " ends at " + activity.endsAt());
        }
        String noShows = """
                from (select member_id, status, seq, signed_up_at, promoted_at, row_number() over (order by seq) as position
                      from activity_sign_up where activity_id = :id and status = 'SIGNED_UP') chain
                where not exists (select 1 from activity_attendance a where a.activity_id = :id and a.member_id = chain.member_id)""";
        List<SignUpResponse> items = ((List<?>) entityManager.createNativeQuery(
                        "select member_id, status, signed_up_at, promoted_at, position " + noShows + " order by seq limit :limit offset :offset")
                .setParameter("id", activityId).setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream().map(row -> signUp(activityId, (Object[]) row)).toList();
        long total = Rows.number(entityManager.createNativeQuery("select count(*) " + noShows)
                .setParameter("id", activityId).getSingleResult());
        return Page.of(items, page, total);
    }

    /** Fills free places from the head of the waitlist, in the caller's transaction and under the activity's lock. */
    private void promote(Activity activity, Instant now) {
        int free = activity.capacity() == null ? Integer.MAX_VALUE : activity.capacity() - activity.signedUp();
        if (free <= 0) {
            return;
        }
        int promoted = entityManager.createNativeQuery("""
                        update activity_sign_up set status = 'SIGNED_UP', promoted_at = :now
                        where activity_id = :id and seq in (select seq from activity_sign_up where activity_id = :id and status = 'WAITLISTED'
                                                            order by seq limit :free)""")
                .setParameter("now", now).setParameter("id", activity.id()).setParameter("free", free).executeUpdate();
        if (promoted > 0) {
            entityManager.createNativeQuery("update activity set signed_up = signed_up + :promoted where id = :id")
                    .setParameter("promoted", promoted).setParameter("id", activity.id()).executeUpdate();
        }
    }

    private ActivityResponse response(Activity activity, Caller caller) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        select count(*) filter (where status = 'SIGNED_UP'), count(*) filter (where status = 'WAITLISTED')
                        from activity_sign_up where activity_id = :id""")
                .setParameter("id", activity.id()).getSingleResult();
        boolean seesCode = activity.hostId().equals(caller.memberId()) || memberships.isManager(activity.groupId(), caller);
        return new ActivityResponse(activity.id(), activity.groupId(), activity.type(), activity.title(), activity.description(),
                activity.hostId(), activity.location(), activity.startsAt(), activity.endsAt(), activity.capacity(),
                activity.signUpDeadline(), activity.status(), activity.version(), Rows.integer(counts[0]), Rows.integer(counts[1]),
                seesCode ? activity.attendanceCode() : null, signUpOf(activity, caller.memberId()).orElse(null),
                activity.createdAt(), activity.updatedAt());
    }

    private Optional<SignUpResponse> signUpOf(Activity activity, UUID memberId) {
        return ((List<?>) entityManager.createNativeQuery("""
                        select s.member_id, s.status, s.signed_up_at, s.promoted_at,
                               (select count(*) from activity_sign_up o where o.activity_id = s.activity_id and o.status = s.status
                                and o.seq <= s.seq) as position
                        from activity_sign_up s where s.activity_id = :id and s.member_id = :member""")
                .setParameter("id", activity.id()).setParameter("member", memberId).getResultList())
                .stream().findFirst().map(row -> signUp(activity.id(), (Object[]) row));
    }

    private static SignUpResponse signUp(UUID activityId, Object[] row) {
        SignUpResponse.Status status = SignUpResponse.Status.valueOf((String) row[1]);
        Integer position = Rows.integer(row[4]);
        return new SignUpResponse(activityId, Rows.uuid(row[0]), status, status == SignUpResponse.Status.SIGNED_UP ? position : null,
                status == SignUpResponse.Status.WAITLISTED ? position : null, Rows.instant(row[2]), Rows.instant(row[3]));
    }

    private Optional<AttendanceResponse> attendanceOf(UUID activityId, UUID memberId) {
        return ((List<?>) entityManager.createNativeQuery("""
                        select attended_at, marked_by, points_awarded from activity_attendance where activity_id = :id and member_id = :member""")
                .setParameter("id", activityId).setParameter("member", memberId).getResultList()).stream().findFirst().map(row -> {
                    Object[] r = (Object[]) row;
                    return new AttendanceResponse(activityId, memberId, Rows.instant(r[0]), Rows.uuid(r[1]), Rows.number(r[2]));
                });
    }

    private Activity find(UUID groupId, UUID activityId) {
        return select(groupId, activityId, "");
    }

    private Activity lock(UUID groupId, UUID activityId) {
        return select(groupId, activityId, " for update");
    }

    private Activity select(UUID groupId, UUID activityId, String lock) {
        return ((List<?>) entityManager.createNativeQuery("select " + Activity.COLUMNS + " from activity where id = :id and group_id = :group" + lock)
                .setParameter("id", activityId).setParameter("group", groupId).getResultList())
                .stream().findFirst().map(Activity::of).orElseThrow(() -> ProblemException.notFound("Activity", activityId));
    }

    private void requireHost(UUID groupId, UUID hostId) {
        if (!memberships.isActiveMember(groupId, hostId)) {
            throw new ProblemException(422, "host-not-a-member", "Unprocessable", "hostId: " + hostId + " is not a member of group " + groupId);
        }
    }

    private static void requireChangeable(Activity activity, Instant now) {
        if (activity.isCancelled()) {
            throw cancelled(activity.id());
        }
        if (!now.isBefore(activity.endsAt())) {
            throw ProblemException.conflict("activity-ended", "Activity " + activity.id() + " ended at " + activity.endsAt());
        }
    }

    private static void validate(ActivityType type, Instant startsAt, Instant endsAt, Instant deadline, String location, Instant now) {
        if (!startsAt.isAfter(now)) {
            throw invalid("startsAt: must be in the future");
        }
        if (startsAt.isAfter(now.plus(MAX_AHEAD))) {
            throw invalid("startsAt: must be at most 366 days ahead");
        }
        if (!endsAt.isAfter(startsAt) || Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw invalid("endsAt: must be after startsAt and at most 30 days later");
        }
        if (deadline.isAfter(endsAt)) {
            throw invalid("signUpDeadline: must not be after endsAt");
        }
        if (type == ActivityType.OFFLINE_MEETUP && (location == null || location.isBlank())) {
            throw invalid("location: required for an OFFLINE_MEETUP");
        }
    }

    private static ProblemException cancelled(UUID activityId) {
        return ProblemException.conflict("activity-cancelled", "Activity " + activityId + " was cancelled");
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "validation", "Invalid request", detail);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
