package io.shequn.contracts.events;

/** Why a red packet finished: every share was grabbed, or its time ran out first. */
public enum RedPacketFinish {
    GRABBED_OUT,
    EXPIRED
}
