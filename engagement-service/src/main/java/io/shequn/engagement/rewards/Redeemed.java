package io.shequn.engagement.rewards;

/** A redemption, and whether this request made it (false: a retry with the same request id). */
public record Redeemed(RedemptionResponse redemption, boolean created) {
}
