package io.shequn.engagement.points;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.PointsChanged;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The only way points change. Every change of one member's points takes the lock of that
 * member's balance row first, so concurrent spends are serialised and the balance never goes
 * negative; each (reason, reference id) applies at most once per member, so redelivered events
 * and double-taps never award twice. Each applied change publishes {@code points-changed} in the
 * caller's transaction.
 */
@ApplicationScoped
public class PointsLedger {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Applies {@code delta} unless an entry for ({@code reason}, {@code referenceId}) exists, in which
     * case that entry is returned unchanged. Throws 409 {@code insufficient-points} if the balance
     * would go negative (the caller's transaction then rolls back).
     *
     * <p>Three statements when the account exists: lock the balance, insert the entry unless it
     * exists (the unique constraint answers that), update the balance.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PointsChange change(UUID memberId, UUID groupId, long delta, String reason, UUID referenceId, UUID actorId, String note) {
        if (delta == 0) {
            throw new IllegalArgumentException("A ledger entry moves points");
        }
        long balance = lockBalance(memberId);
        long after;
        try {
            after = Math.addExact(balance, delta);
        } catch (ArithmeticException e) {
            throw new ProblemException(422, "points-overflow", "Unprocessable", "The balance would overflow");
        }
        if (after < 0) {
            // A change applied before is answered as such even if the balance has since been spent.
            Optional<PointsEntry> existing = find(memberId, reason, referenceId);
            if (existing.isPresent()) {
                return new PointsChange(existing.get(), false);
            }
            throw new ProblemException(409, "insufficient-points", "Conflict",
                    "The balance is " + balance + " points, " + (-delta) + " are needed");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PointsEntry entry = new PointsEntry(UUID.randomUUID(), memberId, groupId, delta, after, reason, referenceId,
                actorId, note, now);
        int inserted = entityManager.createNativeQuery("insert into points_entry (" + PointsEntry.COLUMNS + ") values "
                        + "(:id, :member, :group, :delta, :after, :reason, :reference, :actor, :note, :at) "
                        + "on conflict (member_id, reason, reference_id) do nothing")
                .setParameter("id", entry.id())
                .setParameter("member", memberId)
                .setParameter("group", groupId)
                .setParameter("delta", delta)
                .setParameter("after", after)
                .setParameter("reason", reason)
                .setParameter("reference", referenceId)
                .setParameter("actor", actorId)
                .setParameter("note", note)
                .setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            // Applied before; under the balance lock no one else can be applying it now.
            return new PointsChange(find(memberId, reason, referenceId).orElseThrow(), false);
        }
        entityManager.createNativeQuery("update points_account set balance = :balance, updated_at = :at where member_id = :member")
                .setParameter("balance", after)
                .setParameter("at", now)
                .setParameter("member", memberId)
                .executeUpdate();
        outbox.publish(Events.POINTS_CHANGED, new PointsChanged(memberId, groupId, delta, after, reason, referenceId, now), now);
        return new PointsChange(entry, true);
    }

    /** Takes the member's balance row lock (creating the row at 0 the first time) and returns the balance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long lockBalance(UUID memberId) {
        List<?> locked = selectForUpdate(memberId);
        if (locked.isEmpty()) {
            entityManager.createNativeQuery("insert into points_account (member_id, balance) values (:member, 0) on conflict do nothing")
                    .setParameter("member", memberId)
                    .executeUpdate();
            locked = selectForUpdate(memberId);
        }
        return ((Number) locked.get(0)).longValue();
    }

    private List<?> selectForUpdate(UUID memberId) {
        return entityManager.createNativeQuery("select balance from points_account where member_id = :member for update")
                .setParameter("member", memberId)
                .getResultList();
    }

    @Transactional
    public long balance(UUID memberId) {
        List<?> rows = entityManager.createNativeQuery("select balance from points_account where member_id = :member")
                .setParameter("member", memberId)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    @Transactional
    public Optional<PointsEntry> find(UUID memberId, String reason, UUID referenceId) {
        List<?> rows = entityManager.createNativeQuery("select " + PointsEntry.COLUMNS
                        + " from points_entry where member_id = :member and reason = :reason and reference_id = :reference")
                .setParameter("member", memberId)
                .setParameter("reason", reason)
                .setParameter("reference", referenceId)
                .getResultList();
        return rows.stream().findFirst().map(row -> PointsEntry.of((Object[]) row));
    }

    /** The member's entries, newest first. */
    @Transactional
    public List<PointsEntry> history(UUID memberId, int offset, int limit) {
        return entityManager.createNativeQuery("select " + PointsEntry.COLUMNS
                        + " from points_entry where member_id = :member order by created_at desc, id limit :limit offset :offset")
                .setParameter("member", memberId)
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList().stream().map(row -> PointsEntry.of((Object[]) row)).toList();
    }

    @Transactional
    public long count(UUID memberId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from points_entry where member_id = :member")
                .setParameter("member", memberId)
                .getSingleResult()).longValue();
    }
}
