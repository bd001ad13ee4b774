package io.shequn.group.admission;

import io.shequn.group.groups.Group;
import io.shequn.group.groups.GroupRepository;
import io.shequn.group.membership.Membership;
import io.shequn.group.membership.MembershipRepository;
import io.shequn.group.membership.MembershipService;
import io.shequn.group.membership.MembershipStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * PAID admission: a pending membership completes (member-joined via PAID) when a purchase of
 * sku {@code group-entry:<groupId>} by that member covers the entry fee in the fee's currency.
 * A payment that arrives before the join request waits and completes the membership on joining.
 */
@ApplicationScoped
public class PaidEntries {

    private static final Logger LOG = Logger.getLogger(PaidEntries.class);

    @Inject
    EntityManager entityManager;

    @Inject
    GroupRepository groups;

    @Inject
    MembershipRepository memberships;

    @Inject
    MembershipService membershipService;

    /** Records an entry payment from a purchase event; a known order changes nothing. Runs in the inbox transaction. */
    public void recordPayment(UUID orderId, UUID groupId, UUID memberId, long amount, String currency, Instant paidAt) {
        Group group = groups.lock(groupId).orElse(null);
        if (group == null) {
            LOG.warnf("Order %s pays the entry of unknown group %s; ignored", orderId, groupId);
            return;
        }
        int inserted = entityManager.createNativeQuery("""
                        insert into entry_payment (order_id, group_id, member_id, amount, currency, paid_at)
                        values (:order, :group, :member, :amount, :currency, :at) on conflict do nothing""")
                .setParameter("order", orderId).setParameter("group", groupId).setParameter("member", memberId)
                .setParameter("amount", amount).setParameter("currency", currency).setParameter("at", paidAt)
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("Order %s for group %s already recorded", orderId, groupId);
            return;
        }
        memberships.findOpen(groupId, memberId)
                .filter(m -> m.status == MembershipStatus.PENDING_PAYMENT)
                .ifPresent(pending -> completeIfPaid(group, pending));
    }

    /**
     * Completes a pending membership with a waiting payment that covers the fee, if the group has
     * room. The caller holds the group's lock.
     */
    public void completeIfPaid(Group group, Membership pending) {
        if (group.entryFeeAmount == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> covering = entityManager.createNativeQuery("""
                        select order_id from entry_payment
                        where group_id = :group and member_id = :member and membership_id is null
                          and currency = :currency and amount >= :fee
                        order by paid_at limit 1""")
                .setParameter("group", group.id).setParameter("member", pending.memberId)
                .setParameter("currency", group.entryFeeCurrency).setParameter("fee", group.entryFeeAmount)
                .getResultList();
        if (covering.isEmpty()) {
            return;
        }
        if (!membershipService.hasRoom(group)) {
            LOG.warnf("Member %s paid the entry of group %s but it is full; the membership stays pending",
                    pending.memberId, group.id);
            return;
        }
        entityManager.createNativeQuery("""
                        update entry_payment set membership_id = :membership where order_id = :order and group_id = :group""")
                .setParameter("membership", pending.id).setParameter("order", covering.get(0)).setParameter("group", group.id)
                .executeUpdate();
        membershipService.activate(pending);
        LOG.infof("Member %s paid the entry of group %s (order %s)", pending.memberId, group.id, covering.get(0));
    }
}
