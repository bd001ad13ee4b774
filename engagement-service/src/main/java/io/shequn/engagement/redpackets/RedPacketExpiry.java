package io.shequn.engagement.redpackets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.shequn.contracts.events.RedPacketFinish;
import io.shequn.engagement.Rows;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
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
 * Refunds what nobody grabbed once a packet's time is up. Driven only by {@code expires_at} in the
 * database (no timers in memory), so packets that expired while the service was down are found on
 * the next run. Each packet is finished by one conditional update of its row: whichever of several
 * replicas' runs, or the packet's last grab, gets there first finishes it; the others change
 * nothing. The update, the refund and {@code red-packet-finished} commit together or not at all.
 * Runs every {@code shequn.engagement.red-packet-expiry.every} ("off" disables it, as the tests do).
 */
@ApplicationScoped
public class RedPacketExpiry {

    private static final Logger LOG = Logger.getLogger(RedPacketExpiry.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    PointsLedger ledger;

    @Inject
    RedPacketEvents events;

    @Inject
    Clock clock;

    @Scheduled(every = "${shequn.engagement.red-packet-expiry.every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int expired = expireDue();
        if (expired > 0) {
            LOG.debugf("Expired %d red packets", expired);
        }
    }

    /** Finishes every packet whose expiry has passed; returns how many this call finished. */
    @SuppressWarnings("unchecked")
    public int expireDue() {
        int finished = 0;
        List<UUID> due;
        int before;
        do {
            before = finished;
            Instant now = clock.instant();
            due = QuarkusTransaction.requiringNew().call(() -> ((List<Object>) entityManager.createNativeQuery(
                            "select id from red_packet where finished_at is null and expires_at <= :now order by expires_at limit :limit")
                    .setParameter("now", now).setParameter("limit", BATCH).getResultList()).stream().map(Rows::uuid).toList());
            for (UUID packet : due) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> expire(packet))) {
                        finished++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Expiring red packet %s failed; the next run retries it", packet);
                }
            }
        } while (due.size() == BATCH && finished > before); // a full batch that keeps failing waits for the next run
        return finished;
    }

    private boolean expire(UUID packetId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<?> rows = entityManager.createNativeQuery("""
                        update red_packet set finished_at = :now, finish_reason = 'EXPIRED', refunded_amount = total_amount - grabbed_amount
                        where id = :id and finished_at is null and expires_at <= :now
                        returning\s""" + Packet.COLUMNS)
                .setParameter("now", now).setParameter("id", packetId)
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Packet packet = Packet.of(rows.get(0));
        long refund = packet.refundedAmount();
        if (refund > 0 && packet.isPoints()) {
            ledger.change(packet.senderId(), packet.groupId(), refund, PointsReason.RED_PACKET_REFUND, packetId, null, null);
        }
        events.finished(packet, RedPacketFinish.EXPIRED, refund, now);
        LOG.infof("Red packet %s expired: %d of %d shares grabbed, %d refunded to member %s", packetId, packet.grabbedCount(),
                packet.count(), refund, packet.senderId());
        return true;
    }
}
