package io.shequn.engagement.lotteries;

import io.shequn.engagement.Rows;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads lotteries, their prizes, entries and winners. */
@ApplicationScoped
public class LotteryRepository {

    @Inject
    EntityManager entityManager;

    /** The lottery of the group, or 404; {@code lock} is "", "for share" or "for update". */
    @Transactional(Transactional.TxType.MANDATORY)
    Lottery require(UUID groupId, UUID lotteryId, String lock) {
        return ((List<?>) entityManager.createNativeQuery("select " + Lottery.COLUMNS + " from lottery where id = :id and group_id = :group " + lock)
                .setParameter("id", lotteryId).setParameter("group", groupId).getResultList())
                .stream().findFirst().map(Lottery::of).orElseThrow(() -> ProblemException.notFound("Lottery", lotteryId));
    }

    /** By id alone, locked for an update: for the lottery job. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Lottery> lock(UUID lotteryId) {
        return ((List<?>) entityManager.createNativeQuery("select " + Lottery.COLUMNS + " from lottery where id = :id for update")
                .setParameter("id", lotteryId).getResultList()).stream().findFirst().map(Lottery::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<LotteryResponse.Prize> prizes(UUID lotteryId) {
        return ((List<?>) entityManager.createNativeQuery(
                        "select position, name, quantity, points from lottery_prize where lottery_id = :id order by position")
                .setParameter("id", lotteryId).getResultList()).stream().map(row -> {
                    Object[] r = (Object[]) row;
                    return new LotteryResponse.Prize(Rows.integer(r[0]), (String) r[1], Rows.integer(r[2]), r[3] == null ? null : Rows.number(r[3]));
                }).toList();
    }

    /** Every entrant, in no particular order (the draw puts them in its canonical order). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<UUID> entrants(UUID lotteryId) {
        return ((List<Object>) entityManager.createNativeQuery("select member_id from lottery_entry where lottery_id = :id")
                .setParameter("id", lotteryId).getResultList()).stream().map(Rows::uuid).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    int countEntries(UUID lotteryId) {
        return Rows.integer(entityManager.createNativeQuery("select count(*) from lottery_entry where lottery_id = :id")
                .setParameter("id", lotteryId).getSingleResult());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<EntryResponse> entry(UUID lotteryId, UUID memberId) {
        return ((List<?>) entityManager.createNativeQuery(
                        "select lottery_id, member_id, cost, entered_at from lottery_entry where lottery_id = :id and member_id = :member")
                .setParameter("id", lotteryId).setParameter("member", memberId).getResultList()).stream().findFirst().map(row -> {
                    Object[] r = (Object[]) row;
                    return new EntryResponse(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.number(r[2]), Rows.instant(r[3]));
                });
    }

    /** The entries that cost something, for refunds: member and cost. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Object[]> paidEntries(UUID lotteryId) {
        return ((List<?>) entityManager.createNativeQuery("select member_id, cost from lottery_entry where lottery_id = :id and cost > 0 order by member_id")
                .setParameter("id", lotteryId).getResultList()).stream().map(row -> (Object[]) row).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<WinnerResponse> winners(UUID lotteryId) {
        return ((List<?>) entityManager.createNativeQuery("""
                        select w.draw, w.prize_position, p.name, w.member_id, p.points from lottery_winner w
                        join lottery_prize p on p.lottery_id = w.lottery_id and p.position = w.prize_position
                        where w.lottery_id = :id order by w.draw""")
                .setParameter("id", lotteryId).getResultList()).stream().map(row -> {
                    Object[] r = (Object[]) row;
                    return new WinnerResponse(Rows.integer(r[0]), Rows.integer(r[1]), (String) r[2], Rows.uuid(r[3]),
                            r[4] == null ? null : Rows.number(r[4]));
                }).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Page<Lottery> list(UUID groupId, PageRequest page) {
        List<Lottery> items = ((List<?>) entityManager.createNativeQuery("select " + Lottery.COLUMNS
                        + " from lottery where group_id = :group order by created_at desc, id limit :limit offset :offset")
                .setParameter("group", groupId).setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream().map(Lottery::of).toList();
        long total = Rows.number(entityManager.createNativeQuery("select count(*) from lottery where group_id = :group")
                .setParameter("group", groupId).getSingleResult());
        return Page.of(items, page, total);
    }
}
