package io.shequn.group.groups;

/** The admission threshold (门槛) of a group. */
public enum AdmissionMode {
    /** Anyone may join at once. */
    OPEN,
    /** Joining creates an application that the owner or an admin approves or rejects. */
    APPROVAL,
    /** Joining needs the invite code of a current member. */
    INVITE_ONLY,
    /** Joining creates a pending membership completed by a purchase of {@code group-entry:<groupId>}. */
    PAID
}
