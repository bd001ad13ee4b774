package io.shequn.analytics.health;

import io.shequn.contracts.events.LifecycleStage;

/**
 * The group health score (0–100) and lifecycle stage of docs/analytics.md, version 4, from
 * figures already computed for one day. Plain code so every rule has a unit test.
 */
public final class GroupHealthScorer {

    static final int YOUNG_DAYS = 14;
    static final int DORMANT_AFTER_DAYS = 14;

    /**
     * @param ageDays days from the group's creation day to the day (a group is assessed only once group-created was seen)
     * @param daysSinceActive days since the last active day, or null when it never was active
     * @param wau distinct active members in the 7 days ending on the day
     * @param previousWau the same for the 7 days before those
     * @param stickiness average DAU ÷ MAU over 30 days
     * @param members current members; silentMembers those of them silent for 14 days
     * @param joins members who joined in the 30 days ending on the day; leaves those who left
     */
    public record Inputs(int ageDays, Integer daysSinceActive, long wau, long previousWau, double stickiness,
                         long members, long silentMembers, long joins, long leaves) {
    }

    public record Assessment(int score, LifecycleStage stage) {
    }

    private GroupHealthScorer() {
    }

    public static Assessment assess(Inputs in) {
        return new Assessment(score(in), stage(in));
    }

    static LifecycleStage stage(Inputs in) {
        if (in.ageDays() < YOUNG_DAYS) {
            return LifecycleStage.NEW;
        }
        if (in.daysSinceActive() == null || in.daysSinceActive() >= DORMANT_AFTER_DAYS) {
            return LifecycleStage.DORMANT;
        }
        if (in.wau() > in.previousWau() && in.wau() * 5 >= in.previousWau() * 6) {
            return LifecycleStage.GROWING;
        }
        if (in.wau() * 5 <= in.previousWau() * 4) {
            return LifecycleStage.DECLINING;
        }
        return LifecycleStage.ACTIVE;
    }

    /** 25 trend + 25 stickiness + 20 non-silent share + 15 joiners vs leavers + 15 recency. */
    static int score(Inputs in) {
        double trend = in.previousWau() == 0 ? (in.wau() > 0 ? 1 : 0)
                : clamp(0.5 + 0.5 * ((double) in.wau() / in.previousWau() - 1));
        double stickiness = clamp(in.stickiness() * 2);
        double awake = in.members() == 0 ? 0 : 1 - (double) in.silentMembers() / in.members();
        double growth = in.joins() + in.leaves() == 0 ? 0.5 : (double) in.joins() / (in.joins() + in.leaves());
        double recency = in.daysSinceActive() == null ? 0 : clamp(1 - in.daysSinceActive() / (double) DORMANT_AFTER_DAYS);
        return (int) Math.round(25 * trend + 25 * stickiness + 20 * awake + 15 * growth + 15 * recency);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
