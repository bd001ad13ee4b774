package io.shequn.engagement.lotteries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.shequn.engagement.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Closes entries and draws lotteries when their times come, from the times in the database (so
 * nothing is lost across restarts); any replica may run it at the same time as others, because
 * each step locks the lottery and acts only from the state it expects. Runs every
 * {@code shequn.engagement.lottery-job.every} ("off" disables it, as the tests do).
 */
@ApplicationScoped
public class LotteryJob {

    private static final Logger LOG = Logger.getLogger(LotteryJob.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager entityManager;

    @Inject
    LotteryService lotteries;

    @Inject
    Clock clock;

    @Scheduled(every = "${shequn.engagement.lottery-job.every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Advances every lottery that is due; returns how many it looked at. */
    @SuppressWarnings("unchecked")
    public int run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> ((List<Object>) entityManager.createNativeQuery("""
                        select id from lottery where (status = 'OPEN' and entries_close_at <= :now)
                        or (status in ('OPEN', 'CLOSED') and draw_at <= :now) order by draw_at limit :limit""")
                .setParameter("now", now).setParameter("limit", BATCH).getResultList()).stream().map(Rows::uuid).toList());
        for (UUID lottery : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> lotteries.advance(lottery, now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Advancing lottery %s failed; the next run retries it", lottery);
            }
        }
        return due.size();
    }
}
