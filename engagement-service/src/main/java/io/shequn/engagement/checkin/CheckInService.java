package io.shequn.engagement.checkin;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.CheckedIn;
import io.shequn.engagement.Rows;
import io.shequn.engagement.group.GroupSettings;
import io.shequn.engagement.group.GroupSettingsService;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Daily check-ins. One per member, group and day in the group's time zone, enforced by a unique
 * constraint: of concurrent double-taps one inserts, the others wait for it and then return its
 * result, so one check-in earns once.
 */
@ApplicationScoped
public class CheckInService {

    private static final Logger LOG = Logger.getLogger(CheckInService.class);
    private static final String COLUMNS = "id, group_id, member_id, day, streak, points_awarded, checked_in_at";

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
    Clock clock;

    @Transactional
    public CheckInResult checkIn(UUID groupId, UUID memberId) {
        memberships.requireMember(groupId, memberId);
        GroupSettings settings = groups.settings(groupId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, settings.timeZone());

        Optional<CheckInResponse> existing = find(groupId, memberId, today);
        if (existing.isPresent()) {
            return new CheckInResult(existing.get(), false);
        }
        Optional<CheckInResponse> previous = latestBefore(groupId, memberId, today);
        int streak = Streaks.next(previous.map(CheckInResponse::day).orElse(null),
                previous.map(CheckInResponse::streak).orElse(0), today);
        long points = settings.checkInRule().pointsFor(streak);
        CheckInResponse checkIn = new CheckInResponse(UUID.randomUUID(), groupId, memberId, today, streak, points, now);

        int inserted = entityManager.createNativeQuery("insert into check_in (" + COLUMNS + ") values "
                        + "(:id, :group, :member, :day, :streak, :points, :at) on conflict (group_id, member_id, day) do nothing")
                .setParameter("id", checkIn.id())
                .setParameter("group", groupId)
                .setParameter("member", memberId)
                .setParameter("day", today)
                .setParameter("streak", streak)
                .setParameter("points", points)
                .setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            // A concurrent request of the same member made today's check-in and has committed.
            return new CheckInResult(find(groupId, memberId, today).orElseThrow(), false);
        }
        if (points > 0) {
            ledger.change(memberId, groupId, points, PointsReason.CHECK_IN, checkIn.id(), null, null);
        }
        outbox.publish(Events.CHECKED_IN, new CheckedIn(groupId, memberId, today, streak, points, now), now);
        LOG.debugf("Member %s checked in to group %s for %s, streak %d", memberId, groupId, today, streak);
        return new CheckInResult(checkIn, true);
    }

    /** The member's check-ins of one month (default: this month in the group's time zone) and streaks. */
    @Transactional
    public CheckInCalendarResponse calendar(UUID groupId, UUID memberId, YearMonth month) {
        memberships.requireMember(groupId, memberId);
        GroupSettings settings = groups.settings(groupId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.timeZone());
        YearMonth yearMonth = month == null ? YearMonth.from(today) : month;
        List<CheckInCalendarResponse.Day> days = entityManager.createNativeQuery("""
                        select day, streak, points_awarded from check_in
                        where group_id = :group and member_id = :member and day between :first and :last order by day""")
                .setParameter("group", groupId)
                .setParameter("member", memberId)
                .setParameter("first", yearMonth.atDay(1))
                .setParameter("last", yearMonth.atEndOfMonth())
                .getResultList().stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new CheckInCalendarResponse.Day(Rows.date(r[0]), Rows.integer(r[1]), Rows.number(r[2]));
                })
                .toList();
        Optional<CheckInResponse> latest = latestBefore(groupId, memberId, today.plusDays(1));
        int current = Streaks.current(latest.map(CheckInResponse::day).orElse(null),
                latest.map(CheckInResponse::streak).orElse(0), today);
        Object longest = entityManager.createNativeQuery(
                        "select coalesce(max(streak), 0) from check_in where group_id = :group and member_id = :member")
                .setParameter("group", groupId)
                .setParameter("member", memberId)
                .getSingleResult();
        boolean checkedInToday = latest.map(c -> c.day().equals(today)).orElse(false);
        return new CheckInCalendarResponse(groupId, yearMonth.toString(), settings.timeZone().getId(), days, current,
                Rows.integer(longest), checkedInToday);
    }

    private Optional<CheckInResponse> find(UUID groupId, UUID memberId, LocalDate day) {
        return one("select " + COLUMNS + " from check_in where group_id = :group and member_id = :member and day = :day",
                groupId, memberId, day);
    }

    private Optional<CheckInResponse> latestBefore(UUID groupId, UUID memberId, LocalDate day) {
        return one("select " + COLUMNS + " from check_in where group_id = :group and member_id = :member and day < :day"
                + " order by day desc limit 1", groupId, memberId, day);
    }

    private Optional<CheckInResponse> one(String sql, UUID groupId, UUID memberId, LocalDate day) {
        List<?> rows = entityManager.createNativeQuery(sql)
                .setParameter("group", groupId)
                .setParameter("member", memberId)
                .setParameter("day", day)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new CheckInResponse(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.uuid(r[2]), Rows.date(r[3]),
                    Rows.integer(r[4]), Rows.number(r[5]), Rows.instant(r[6]));
        });
    }
}
