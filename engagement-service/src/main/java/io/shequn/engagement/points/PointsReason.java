package io.shequn.engagement.points;

/** The reason codes of ledger entries ({@code points-changed.reason}). */
public final class PointsReason {

    public static final String CHECK_IN = "CHECK_IN";
    public static final String MESSAGE = "MESSAGE";
    public static final String REFERRAL = "REFERRAL";
    public static final String PURCHASE = "PURCHASE";
    public static final String REWARD_REDEMPTION = "REWARD_REDEMPTION";
    public static final String OPERATOR_GRANT = "OPERATOR_GRANT";
    public static final String OPERATOR_DEDUCT = "OPERATOR_DEDUCT";

    private PointsReason() {
    }
}
