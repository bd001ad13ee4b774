package io.shequn.engagement.redpackets;

/** A grab, and whether this request made it (false: the member had grabbed this packet before). */
public record Grabbed(RedPacketGrab grab, boolean created) {
}
