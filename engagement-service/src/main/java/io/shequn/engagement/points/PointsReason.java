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
    /** The sender funds a POINTS red packet; the reference is the packet. */
    public static final String RED_PACKET_SEND = "RED_PACKET_SEND";
    /** A grabber's share of a POINTS red packet; the reference is the packet, so one share per member. */
    public static final String RED_PACKET_GRAB = "RED_PACKET_GRAB";
    /** What nobody grabbed before expiry goes back to the sender; the reference is the packet. */
    public static final String RED_PACKET_REFUND = "RED_PACKET_REFUND";
    /** A member's entry to a lottery that costs points; the reference is the lottery. */
    public static final String LOTTERY_ENTRY = "LOTTERY_ENTRY";
    /** A cancelled lottery gives each entry's cost back; the reference is the lottery. */
    public static final String LOTTERY_REFUND = "LOTTERY_REFUND";
    /** A lottery prize worth points; the reference is the lottery (a member wins at most once). */
    public static final String LOTTERY_PRIZE = "LOTTERY_PRIZE";
    /** Attending an activity (the group's rule); the reference is the activity. */
    public static final String ACTIVITY_ATTENDANCE = "ACTIVITY_ATTENDANCE";

    private PointsReason() {
    }
}
