package io.shequn.engagement.redpackets;

import io.shequn.engagement.Rows;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads red packets and their grabs. */
@ApplicationScoped
public class RedPacketRepository {

    private static final String GRAB_COLUMNS = "packet_id, member_id, amount, grabbed_at";

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Packet> find(UUID groupId, UUID packetId) {
        return ((List<?>) entityManager.createNativeQuery("select " + Packet.COLUMNS + " from red_packet where id = :id and group_id = :group")
                .setParameter("id", packetId).setParameter("group", groupId).getResultList())
                .stream().findFirst().map(Packet::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Packet> findByRequest(UUID senderId, UUID requestId) {
        return ((List<?>) entityManager.createNativeQuery("select " + Packet.COLUMNS + " from red_packet where sender_id = :sender and request_id = :request")
                .setParameter("sender", senderId).setParameter("request", requestId).getResultList())
                .stream().findFirst().map(Packet::of);
    }

    /** The grabs of a packet in grab order: by time, then by share (the order best luck breaks ties in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RedPacketGrab> grabs(Packet packet) {
        return ((List<?>) entityManager.createNativeQuery("select " + GRAB_COLUMNS
                        + " from red_packet_share where packet_id = :id and member_id is not null order by grabbed_at, seq")
                .setParameter("id", packet.id()).getResultList())
                .stream().map(row -> grab(row, packet.currency())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RedPacketGrab> grabOf(Packet packet, UUID memberId) {
        return ((List<?>) entityManager.createNativeQuery("select " + GRAB_COLUMNS
                        + " from red_packet_share where packet_id = :id and member_id = :member")
                .setParameter("id", packet.id()).setParameter("member", memberId).getResultList())
                .stream().findFirst().map(row -> grab(row, packet.currency()));
    }

    /** A group's packets, newest first, without their grabs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Packet> list(UUID groupId, PageRequest page) {
        List<Packet> items = ((List<?>) entityManager.createNativeQuery("select " + Packet.COLUMNS
                        + " from red_packet where group_id = :group order by sent_at desc, id limit :limit offset :offset")
                .setParameter("group", groupId).setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream().map(Packet::of).toList();
        long total = Rows.number(entityManager.createNativeQuery("select count(*) from red_packet where group_id = :group")
                .setParameter("group", groupId).getSingleResult());
        return Page.of(items, page, total);
    }

    private static RedPacketGrab grab(Object row, String currency) {
        Object[] r = (Object[]) row;
        return new RedPacketGrab(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.number(r[2]), currency, Rows.instant(r[3]));
    }
}
