package io.shequn.analytics.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.platform.time.ClockResource.ClockMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Re-assesses every group whose creation is known as of yesterday in its time zone (a group
 * created today as of today, its creation day). Without it a group that stops
 * talking would never be assessed again, and would never be seen to become DORMANT. Runs
 * every {@code shequn.analytics.health-sweep.every} (default hourly; "off" disables it, as the
 * tests do so they can run it at a moment of their choosing), and after each move of a movable
 * clock (a simulation moves it a day at a time, far faster than hourly).
 */
@ApplicationScoped
public class HealthSweep {

    private static final Logger LOG = Logger.getLogger(HealthSweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    GroupHealthService health;

    @Inject
    GroupCalendar calendar;

    @Inject
    Clock clock;

    private final AtomicBoolean sweepDue = new AtomicBoolean();
    private final ReentrantLock movedSweep = new ReentrantLock();

    @Scheduled(every = "${shequn.analytics.health-sweep.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int groups = sweep();
        LOG.debugf("Health sweep re-assessed %d groups", groups);
    }

    /** One sweep at a time after clock moves; moves during a sweep ask for one more after it. */
    void clockMoved(@ObservesAsync ClockMoved moved) {
        sweepDue.set(true);
        while (sweepDue.get() && movedSweep.tryLock()) {
            try {
                if (sweepDue.getAndSet(false)) {
                    LOG.debugf("Clock moved to %s: health sweep re-assessed %d groups", moved.to(), sweep());
                }
            } finally {
                movedSweep.unlock();
            }
        }
    }

    /** @return how many groups were assessed; each in its own transaction, so one failure stops nothing else */
    public int sweep() {
        return sweep(clock.instant(), () -> { });
    }

    /** As of {@code now}, each transaction first running {@code prepare} (a rebuild points it at its own tables). */
    public int sweep(Instant now, Runnable prepare) {
        List<UUID> groups = QuarkusTransaction.requiringNew().call(() -> {
            prepare.run();
            return groups();
        });
        for (UUID group : groups) {
            QuarkusTransaction.requiringNew().run(() -> {
                prepare.run();
                LocalDate yesterday = LocalDate.ofInstant(now, calendar.zoneOf(group)).minusDays(1);
                health.assessAsOf(group, yesterday, now, true);
            });
        }
        return groups.size();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> groups() {
        return (List<UUID>) entityManager.createNativeQuery(
                "select group_id from analytics_group order by 1").getResultList();
    }
}
