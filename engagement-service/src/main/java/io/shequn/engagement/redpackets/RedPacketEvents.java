package io.shequn.engagement.redpackets;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.RedPacketFinish;
import io.shequn.contracts.events.RedPacketFinished;
import io.shequn.contracts.events.RedPacketGrabbed;
import io.shequn.contracts.events.RedPacketSent;
import io.shequn.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** The events of a red packet's life, written to the outbox in the transaction that made them happen. */
@ApplicationScoped
public class RedPacketEvents {

    @Inject
    Outbox outbox;

    @Inject
    RedPacketRepository packets;

    @Transactional(Transactional.TxType.MANDATORY)
    void sent(Packet packet) {
        outbox.publish(Events.RED_PACKET_SENT, new RedPacketSent(packet.id(), packet.groupId(), packet.senderId(), packet.currency(),
                packet.totalAmount(), packet.count(), packet.expiresAt(), packet.sentAt()), packet.sentAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void grabbed(Packet packet, RedPacketGrab grab) {
        outbox.publish(Events.RED_PACKET_GRABBED, new RedPacketGrabbed(packet.id(), packet.groupId(), grab.memberId(), grab.amount(),
                packet.currency(), grab.grabbedAt()), grab.grabbedAt());
    }

    /** {@code packet} as it is now finished; every grab it counts has committed or is this transaction's. */
    @Transactional(Transactional.TxType.MANDATORY)
    void finished(Packet packet, RedPacketFinish reason, long refunded, Instant at) {
        Optional<RedPacketGrab> best = BestLuck.of(packets.grabs(packet));
        outbox.publish(Events.RED_PACKET_FINISHED, new RedPacketFinished(packet.id(), packet.groupId(), packet.senderId(),
                packet.currency(), packet.totalAmount(), packet.count(), packet.grabbedCount(), packet.grabbedAmount(), refunded,
                reason, best.map(RedPacketGrab::memberId).orElse(null), best.map(RedPacketGrab::amount).orElse(null), at), at);
    }
}
