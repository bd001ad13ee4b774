package io.shequn.contracts.events;

/** Why a member is no longer in a group: on their own, removed by an admin, or banned. */
public enum LeaveReason {
    LEFT, REMOVED, BANNED
}
