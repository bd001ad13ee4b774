package io.shequn.contracts.events;

/** How a member got into a group; {@code OWNER} is the creator joining their own group. */
public enum JoinVia {
    OPEN, APPROVAL, INVITE, PAID, OWNER
}
