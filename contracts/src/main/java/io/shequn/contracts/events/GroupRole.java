package io.shequn.contracts.events;

/** A member's role inside one group. */
public enum GroupRole {
    OWNER, ADMIN, KOL, LECTURER, MEMBER
}
