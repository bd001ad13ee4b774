package io.shequn.engagement.points;

import java.util.Currency;

/**
 * A purchase earns {@code pointsPerUnit} per whole unit of its currency: the amount is in minor
 * units, so 12345 fen (CNY, 2 decimals) is 123 yuan and 500 yen (JPY, no decimals) is 500 yen.
 */
public final class PurchasePointsRule {

    private PurchasePointsRule() {
    }

    public static long points(long amountMinor, String currency, long pointsPerUnit) {
        if (amountMinor <= 0 || pointsPerUnit <= 0) {
            return 0;
        }
        long units = amountMinor;
        for (int i = 0; i < fractionDigits(currency); i++) {
            units /= 10;
        }
        return units > Long.MAX_VALUE / pointsPerUnit ? Long.MAX_VALUE : units * pointsPerUnit;
    }

    static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 0 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
