package io.shequn.engagement.checkin;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckInRuleTest {

    @Test
    void theDefaultRuleGivesTenPlusTwoPerStreakDayUpToTwentyAndFiftyOnEverySeventhDay() {
        long[] points = IntStream.rangeClosed(1, 15).mapToLong(CheckInRule.DEFAULT::pointsFor).toArray();
        assertThat(points).containsExactly(10, 12, 14, 16, 18, 20, 72, 24, 26, 28, 30, 30, 30, 80, 30);
    }

    @Test
    void aCustomRuleAppliesItsOwnNumbers() {
        CheckInRule rule = new CheckInRule(5, 1, 3, 0);
        assertThat(IntStream.rangeClosed(1, 7).mapToLong(rule::pointsFor).toArray()).containsExactly(5, 6, 7, 8, 8, 8, 8);
    }

    @Test
    void hugeStreaksDoNotOverflow() {
        assertThat(new CheckInRule(1, Long.MAX_VALUE / 2, 100, 0).pointsFor(Integer.MAX_VALUE)).isEqualTo(101);
    }

    @Test
    void negativeNumbersAndEmptyStreaksAreRefused() {
        assertThatThrownBy(() -> new CheckInRule(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckInRule.DEFAULT.pointsFor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
