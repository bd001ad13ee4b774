package io.shequn.group.membership;

import java.util.EnumSet;
import java.util.Set;

/** Where one membership period stands: apply → approve/reject → joined → left / removed / banned. */
public enum MembershipStatus {
    PENDING_APPROVAL, PENDING_PAYMENT, ACTIVE, REJECTED, LEFT, REMOVED, BANNED;

    /** At most one open period per member and group (a unique index says so too). */
    public static final Set<MembershipStatus> OPEN = EnumSet.of(PENDING_APPROVAL, PENDING_PAYMENT, ACTIVE);

    /**
     * Applications, rejections, removals and bans carry decisions and reasons: they are for the
     * group's owner and admins (and the member concerned), like the application and ban lists.
     */
    public boolean isModerationRecord() {
        return this != ACTIVE && this != LEFT;
    }

    public boolean isPending() {
        return this == PENDING_APPROVAL || this == PENDING_PAYMENT;
    }
}
