package io.shequn.engagement.redpackets;

/** A sent packet, and whether this request sent it (false: a retry with the same Idempotency-Key). */
public record Sent(RedPacketResponse packet, boolean created) {
}
