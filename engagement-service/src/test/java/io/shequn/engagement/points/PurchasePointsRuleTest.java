package io.shequn.engagement.points;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PurchasePointsRuleTest {

    @Test
    void pointsPerWholeCurrencyUnit() {
        assertThat(PurchasePointsRule.points(12_345, "CNY", 1)).isEqualTo(123);
        assertThat(PurchasePointsRule.points(500, "JPY", 1)).isEqualTo(500);
        assertThat(PurchasePointsRule.points(1_999, "USD", 2)).isEqualTo(38);
        assertThat(PurchasePointsRule.points(12_345, "KWD", 1)).isEqualTo(12);
    }

    @Test
    void nothingForFreeOrdersOrFractionsAndUnknownCurrenciesCountTwoDecimals() {
        assertThat(PurchasePointsRule.points(0, "CNY", 1)).isZero();
        assertThat(PurchasePointsRule.points(99, "CNY", 1)).isZero();
        assertThat(PurchasePointsRule.points(1_000, "XYZ", 1)).isEqualTo(10);
        assertThat(PurchasePointsRule.points(Long.MAX_VALUE, "JPY", 10)).isEqualTo(Long.MAX_VALUE);
    }
}
