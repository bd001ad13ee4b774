package io.shequn.engagement.redpackets;

import java.util.List;
import java.util.Optional;

/** 手气最佳: the largest share of a finished packet; a tie goes to the earlier grab. */
public final class BestLuck {

    private BestLuck() {
    }

    /** {@code grabs} in grab order, as {@link RedPacketRepository#grabs} lists them. */
    public static Optional<RedPacketGrab> of(List<RedPacketGrab> grabs) {
        RedPacketGrab best = null;
        for (RedPacketGrab grab : grabs) {
            if (best == null || grab.amount() > best.amount()) { // strictly larger: the earlier of equals stays
                best = grab;
            }
        }
        return Optional.ofNullable(best);
    }
}
