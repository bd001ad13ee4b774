package io.shequn.engagement.redpackets;

import io.shequn.contracts.events.RedPacketFinish;
import io.shequn.engagement.Rows;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One grab, in one transaction, in an order chosen for a hot packet:
 * <ol>
 * <li>claim the first unclaimed share, skipping shares other grabbers hold: concurrent grabbers
 * take different shares in parallel, and one who finds none left is told at once;</li>
 * <li>credit it (POINTS) through the ledger and write {@code red-packet-grabbed};</li>
 * <li>last, count it on the packet row. Only this statement touches the shared row, so its lock is
 * held just until commit; it also refuses a packet that expired meanwhile (the claim and the
 * credit then roll back), and the grab that counts the last share finishes the packet.</li>
 * </ol>
 */
@ApplicationScoped
public class RedPacketGrabber {

    /**
     * Everything a grab needs to know first, in one read: whether the member is in the group (as
     * {@link MembershipService#requireMember} decides it), the packet, and the member's share if
     * they grabbed it before. It first takes a transaction lock on (packet, member): a member's
     * racing second grab waits here for the first to commit instead of holding a second share
     * meanwhile (which would have others told the packet is empty); it then fails on the unique
     * index and answers with the first grab.
     */
    static final String READ = """
            select m.role, s.amount, s.grabbed_at,\s""" + Packet.columns("p.") + """

            from (select pg_advisory_xact_lock(:lockSpace, :lockKey)) one_grab_per_member
            left join group_membership m on m.group_id = :group and m.member_id = :member and m.active
            left join red_packet p on p.id = :packet and p.group_id = :group
            left join red_packet_share s on s.packet_id = p.id and s.member_id = :member""";

    /** The advisory locks of grabs, apart from any other use of two-integer advisory locks. */
    static final int LOCK_SPACE = 0x52_50_4b_47;

    static final String CLAIM = """
            update red_packet_share set member_id = :member, grabbed_at = :now
            where packet_id = :packet and seq = (select seq from red_packet_share where packet_id = :packet and member_id is null
                                                 order by seq limit 1 for update skip locked)
            returning amount""";

    static final String COUNT = """
            update red_packet set grabbed_count = grabbed_count + 1, grabbed_amount = grabbed_amount + :amount,
                finished_at = case when grabbed_count + 1 = share_count then cast(:now as timestamptz) end,
                finish_reason = case when grabbed_count + 1 = share_count then 'GRABBED_OUT' end,
                refunded_amount = case when grabbed_count + 1 = share_count then 0 end
            where id = :packet and finished_at is null and expires_at > :now
            returning\s""" + Packet.COLUMNS;

    @Inject
    EntityManager entityManager;

    @Inject
    PointsLedger ledger;

    @Inject
    RedPacketEvents events;

    @Inject
    Clock clock;

    @Transactional
    public Grabbed grab(UUID groupId, UUID packetId, UUID memberId) {
        Object[] read = (Object[]) entityManager.createNativeQuery(READ)
                .setParameter("lockSpace", LOCK_SPACE).setParameter("lockKey", Objects.hash(packetId, memberId))
                .setParameter("group", groupId).setParameter("member", memberId).setParameter("packet", packetId)
                .getSingleResult();
        if (read[0] == null) {
            throw MembershipService.notAMember(groupId, memberId);
        }
        if (read[3] == null) {
            throw ProblemException.notFound("Red packet", packetId);
        }
        Packet packet = Packet.of(read, 3);
        if (read[1] != null) {
            return new Grabbed(new RedPacketGrab(packetId, memberId, Rows.number(read[1]), packet.currency(), Rows.instant(read[2])), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        switch (packet.status(now)) {
            case GRABBED_OUT -> throw empty(packetId);
            case EXPIRED -> throw expired(packetId);
            case ACTIVE -> { }
        }
        List<?> claimed = entityManager.createNativeQuery(CLAIM)
                .setParameter("member", memberId).setParameter("now", now).setParameter("packet", packetId)
                .getResultList();
        if (claimed.isEmpty()) {
            throw empty(packetId);
        }
        RedPacketGrab grab = new RedPacketGrab(packetId, memberId, Rows.number(claimed.get(0)), packet.currency(), now);
        if (packet.isPoints()) {
            ledger.change(memberId, groupId, grab.amount(), PointsReason.RED_PACKET_GRAB, packetId, null, null);
        }
        events.grabbed(packet, grab);
        List<?> counted = entityManager.createNativeQuery(COUNT)
                .setParameter("amount", grab.amount()).setParameter("now", now).setParameter("packet", packetId)
                .getResultList();
        if (counted.isEmpty()) {
            throw expired(packetId);
        }
        Packet after = Packet.of(counted.get(0));
        if (after.finishReason() == RedPacketFinish.GRABBED_OUT) {
            events.finished(after, RedPacketFinish.GRABBED_OUT, 0, now);
        }
        return new Grabbed(grab, true);
    }

    static ProblemException empty(UUID packetId) {
        return ProblemException.conflict("red-packet-empty", "Every share of red packet " + packetId + " has been grabbed");
    }

    static ProblemException expired(UUID packetId) {
        return ProblemException.conflict("red-packet-expired", "Red packet " + packetId + " has expired");
    }
}
