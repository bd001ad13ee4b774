package io.shequn.engagement.points;

import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Points earned from other services' events. The reference id of each award is derived from what
 * happened (the order, the join), not from the event id, so neither a redelivery nor a replay of
 * the same fact under a new event id awards twice.
 */
@ApplicationScoped
public class EarningFromEvents {

    @Inject
    PointsLedger ledger;

    @ConfigProperty(name = "shequn.engagement.referral-points", defaultValue = "50")
    long referralPoints;

    @ConfigProperty(name = "shequn.engagement.purchase-points-per-unit", defaultValue = "1")
    long purchasePointsPerUnit;

    /**
     * The inviter a join credits earns the referral reward, once per group and member, whichever
     * way the member was admitted (an invite code, approval of an application, a paid entry, or an
     * open join crediting their registration inviter): group-service names them in inviterId
     * (docs/analytics.md, "Registration inviters").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(MemberJoined event) {
        if (event.inviterId() == null || event.inviterId().equals(event.memberId())
                || referralPoints <= 0) {
            return;
        }
        UUID reference = UUID.nameUUIDFromBytes(("referral:" + event.groupId() + ":" + event.memberId()).getBytes(StandardCharsets.UTF_8));
        ledger.change(event.inviterId(), event.groupId(), referralPoints, PointsReason.REFERRAL, reference, null, null);
    }

    /** A purchase earns points per currency unit, once per order, in the group it names (groupId, else an entry-fee sku). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purchased(Purchase event) {
        long points = PurchasePointsRule.points(event.amount(), event.currency(), purchasePointsPerUnit);
        if (points > 0) {
            UUID group = event.groupId() != null ? event.groupId() : event.entryFeeGroup().orElse(null);
            ledger.change(event.memberId(), group, points, PointsReason.PURCHASE, event.orderId(), null, null);
        }
    }
}
