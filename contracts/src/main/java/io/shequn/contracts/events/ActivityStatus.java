package io.shequn.contracts.events;

/** Whether an activity is still to take place as scheduled, or was called off. */
public enum ActivityStatus {
    SCHEDULED,
    CANCELLED
}
