package io.shequn.group.groups;

/** An archived group keeps its history but admits nobody. */
public enum GroupStatus {
    ACTIVE, ARCHIVED
}
