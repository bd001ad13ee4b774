package io.shequn.engagement.redpackets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shequn.engagement.SqlErrors;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sending, reading and grabbing red packets. The shares are drawn at send time with a secure
 * random source (nobody can predict them) and stay hidden until grabbed; see
 * {@link RedPacketGrabber} for how grabs stay correct on a hot packet and {@link RedPacketExpiry}
 * for refunds.
 */
@ApplicationScoped
public class RedPacketService {

    public static final String POINTS = "POINTS";
    public static final long MAX_TOTAL = 1_000_000_000_000L;
    public static final int MAX_EXPIRY_MINUTES = 24 * 60;

    private static final Logger LOG = Logger.getLogger(RedPacketService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    RedPacketRepository packets;

    @Inject
    RedPacketGrabber grabber;

    @Inject
    RedPacketEvents events;

    @Inject
    MembershipService memberships;

    @Inject
    PointsLedger ledger;

    @Inject
    Clock clock;

    /**
     * Any member sends POINTS, debited at once (409 {@code insufficient-points}); only the group's
     * managers and operators send a currency packet. The same {@code requestId} sends once.
     */
    @Transactional
    public Sent send(UUID groupId, SendRedPacketRequest request, UUID requestId, Caller caller) {
        UUID sender = caller.memberId();
        boolean points = POINTS.equals(request.currency());
        if (!caller.isOperator()) {
            memberships.requireMember(groupId, sender);
        }
        if (!points) {
            memberships.requireManager(groupId, caller);
            requireIsoCurrency(request.currency());
        }
        if (request.totalAmount() < request.count()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "totalAmount: must be at least count (" + request.count() + "), so that every share gets 1");
        }
        if (requestId != null) {
            Optional<Packet> retried = packets.findByRequest(sender, requestId);
            if (retried.isPresent()) {
                return retry(retried.get(), groupId, requestId);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int minutes = request.expiresInMinutes() == null ? MAX_EXPIRY_MINUTES : request.expiresInMinutes();
        Packet packet = new Packet(UUID.randomUUID(), groupId, sender, request.currency(), request.totalAmount(), request.count(),
                request.greeting(), now, now.plus(Duration.ofMinutes(minutes)), 0, 0, null, null, null);
        int inserted = entityManager.createNativeQuery("""
                        insert into red_packet (id, group_id, sender_id, currency, total_amount, share_count, greeting, request_id,
                                                sent_at, expires_at)
                        values (:id, :group, :sender, :currency, :total, :count, :greeting, :request, :at, :expires)
                        on conflict (sender_id, request_id) do nothing""")
                .setParameter("id", packet.id()).setParameter("group", groupId).setParameter("sender", sender)
                .setParameter("currency", packet.currency()).setParameter("total", packet.totalAmount())
                .setParameter("count", packet.count()).setParameter("greeting", packet.greeting()).setParameter("request", requestId)
                .setParameter("at", now).setParameter("expires", packet.expiresAt())
                .executeUpdate();
        if (inserted == 0) {
            // A concurrent retry with the same key sent it and has committed.
            return retry(packets.findByRequest(sender, requestId).orElseThrow(), groupId, requestId);
        }
        long[] shares = RedPacketSplitter.split(packet.totalAmount(), packet.count(), RANDOM);
        List<Object[]> rows = new ArrayList<>(shares.length);
        for (int i = 0; i < shares.length; i++) {
            rows.add(new Object[] {packet.id(), i + 1, shares[i]});
        }
        BulkSql.update(entityManager, "insert into red_packet_share (packet_id, seq, amount) select * from unnest(?::uuid[], ?::int[], ?::bigint[])",
                rows);
        if (points) {
            ledger.change(sender, groupId, -packet.totalAmount(), PointsReason.RED_PACKET_SEND, packet.id(), null, null);
        }
        events.sent(packet);
        LOG.infof("Member %s sent red packet %s of %d %s in %d shares to group %s", sender, packet.id(), packet.totalAmount(),
                packet.currency(), packet.count(), groupId);
        return new Sent(packet.response(now, List.of()), true);
    }

    /**
     * A member's grab; grabbing again answers with the same grab. Two grabs of one member racing
     * each claim a share; the unique index lets only the first commit, and the second, refused,
     * answers with the first's share.
     */
    public Grabbed grab(UUID groupId, UUID packetId, UUID memberId) {
        try {
            return grabber.grab(groupId, packetId, memberId);
        } catch (PersistenceException e) {
            if (!SqlErrors.isUniqueViolation(e, "red_packet_share_member_once")) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> new Grabbed(
                    packets.grabOf(packets.find(groupId, packetId).orElseThrow(), memberId).orElseThrow(), false));
        }
    }

    /** The packet with its grabs, for the group's members and operators. */
    @Transactional
    public RedPacketResponse get(UUID groupId, UUID packetId, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        Packet packet = packets.find(groupId, packetId).orElseThrow(() -> ProblemException.notFound("Red packet", packetId));
        return packet.response(clock.instant(), packets.grabs(packet));
    }

    @Transactional
    public Page<RedPacketResponse> list(UUID groupId, PageRequest page, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        Instant now = clock.instant();
        return packets.list(groupId, page).map(packet -> packet.response(now, null));
    }

    private Sent retry(Packet packet, UUID groupId, UUID requestId) {
        if (!packet.groupId().equals(groupId)) {
            throw ProblemException.conflict("request-id-reused", "Idempotency-Key " + requestId + " sent a red packet to another group");
        }
        return new Sent(packet.response(clock.instant(), packets.grabs(packet)), false);
    }

    private static void requireIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "validation", "Invalid request", "currency: " + code + " is not an ISO 4217 currency");
        }
    }
}
