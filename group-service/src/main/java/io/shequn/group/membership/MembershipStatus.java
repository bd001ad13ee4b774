package io.shequn.group.membership;

import java.util.EnumSet;
import java.util.Set;

/** Where one membership period stands: apply → approve/reject → joined → left / removed / banned. */
public enum MembershipStatus {
    PENDING_APPROVAL, PENDING_PAYMENT, ACTIVE, REJECTED, LEFT, REMOVED, BANNED;

    /** At most one open period per member and group (a unique index says so too). */
    public static final Set<MembershipStatus> OPEN = EnumSet.of(PENDING_APPROVAL, PENDING_PAYMENT, ACTIVE);

    public boolean isPending() {
        return this == PENDING_APPROVAL || this == PENDING_PAYMENT;
    }
}
