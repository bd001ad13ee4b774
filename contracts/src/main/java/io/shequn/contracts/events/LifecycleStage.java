package io.shequn.contracts.events;

/** Where a group is in its life, as judged by analytics. */
public enum LifecycleStage {
    NEW, GROWING, ACTIVE, DECLINING, DORMANT
}
