package io.shequn.engagement.messages;

/** Messages earn {@code perMessage} points each, at most {@code dailyCap} points per member, group and day. */
public final class MessagePointsRule {

    private MessagePointsRule() {
    }

    /** What the next message earns, given what messages earned today already. */
    public static long award(long perMessage, long dailyCap, long awardedToday) {
        if (perMessage <= 0 || dailyCap <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(perMessage, dailyCap - awardedToday));
    }
}
