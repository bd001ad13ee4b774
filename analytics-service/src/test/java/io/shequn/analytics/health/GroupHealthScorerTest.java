package io.shequn.analytics.health;

import io.shequn.contracts.events.LifecycleStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupHealthScorerTest {

    @Test
    void aGroupYoungerThanTwoWeeksIsNewWhateverItsActivity() {
        assertThat(GroupHealthScorer.stage(inputs(13, null, 0, 0))).isEqualTo(LifecycleStage.NEW);
        assertThat(GroupHealthScorer.stage(inputs(0, 0, 50, 0))).isEqualTo(LifecycleStage.NEW);
    }

    @Test
    void fourteenDaysWithoutActivityIsDormant() {
        assertThat(GroupHealthScorer.stage(inputs(40, 14, 0, 0))).isEqualTo(LifecycleStage.DORMANT);
        assertThat(GroupHealthScorer.stage(inputs(40, null, 0, 0))).isEqualTo(LifecycleStage.DORMANT);
        assertThat(GroupHealthScorer.stage(inputs(40, 13, 1, 1))).isNotEqualTo(LifecycleStage.DORMANT);
    }

    @Test
    void weeklyActiveMembersDecideGrowingActiveOrDeclining() {
        assertThat(GroupHealthScorer.stage(inputs(40, 0, 12, 10))).isEqualTo(LifecycleStage.GROWING);   // +20 %
        assertThat(GroupHealthScorer.stage(inputs(40, 0, 11, 10))).isEqualTo(LifecycleStage.ACTIVE);    // +10 %
        assertThat(GroupHealthScorer.stage(inputs(40, 0, 9, 10))).isEqualTo(LifecycleStage.ACTIVE);     // -10 %
        assertThat(GroupHealthScorer.stage(inputs(40, 0, 8, 10))).isEqualTo(LifecycleStage.DECLINING); // -20 %
        assertThat(GroupHealthScorer.stage(inputs(40, 0, 1, 0))).isEqualTo(LifecycleStage.GROWING);
    }

    @Test
    void theScoreWeighsTrendStickinessAwakeShareGrowthAndRecency() {
        GroupHealthScorer.Inputs thriving = new GroupHealthScorer.Inputs(60, 0, 20, 10, 0.5, 40, 0, 10, 0);
        assertThat(GroupHealthScorer.score(thriving)).isEqualTo(100);
        GroupHealthScorer.Inputs dead = new GroupHealthScorer.Inputs(60, null, 0, 10, 0, 40, 40, 0, 5);
        assertThat(GroupHealthScorer.score(dead)).isZero();
        // trend 0.5 (flat) → 12.5, stickiness 0.25 → 12.5, half silent → 10, no joins or leaves → 7.5, active 7 days ago → 7.5
        GroupHealthScorer.Inputs middling = new GroupHealthScorer.Inputs(60, 7, 10, 10, 0.25, 40, 20, 0, 0);
        assertThat(GroupHealthScorer.score(middling)).isEqualTo(50);
    }

    private static GroupHealthScorer.Inputs inputs(int age, Integer sinceActive, long wau, long previousWau) {
        return new GroupHealthScorer.Inputs(age, sinceActive, wau, previousWau, 0.2, 10, 2, 1, 1);
    }
}
