package io.shequn.engagement.points;

/** The outcome of asking the ledger for a change: the entry, and whether this call applied it or found it applied before. */
public record PointsChange(PointsEntry entry, boolean applied) {
}
