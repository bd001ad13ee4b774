package io.shequn.engagement.redpackets;

import java.util.random.RandomGenerator;

/**
 * The double-mean rule (二倍均值) in integer minor units. With {@code remaining} units left for
 * {@code left} shares (mean m = remaining ÷ left), the next share is 1 + ⌊r ÷ left⌋ for r drawn
 * uniformly from [0, 2 × remaining − left): between 1 and 2m, with expected value m, so grabbing
 * early or late is equally lucky on average. It never takes so much that a later share would get
 * less than 1, and the last share takes the remainder, so the shares sum to the total exactly.
 */
public final class RedPacketSplitter {

    public static final int MAX_COUNT = 1_000;
    /** Keeps 2 × total within a long. */
    public static final long MAX_TOTAL = Long.MAX_VALUE / 4;

    private RedPacketSplitter() {
    }

    /** The shares in grab order; 1 ≤ {@code count} ≤ {@value #MAX_COUNT}, {@code count} ≤ {@code total} ≤ {@link #MAX_TOTAL}. */
    public static long[] split(long total, int count, RandomGenerator random) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ": " + count);
        }
        if (total < count || total > MAX_TOTAL) {
            throw new IllegalArgumentException("total " + total + " cannot give " + count + " shares of at least 1");
        }
        long[] shares = new long[count];
        long remaining = total;
        for (int i = 0; i < count - 1; i++) {
            int left = count - i;
            shares[i] = next(remaining, left, random);
            remaining -= shares[i];
        }
        shares[count - 1] = remaining;
        return shares;
    }

    /** One share of {@code remaining} units for {@code left} ≥ 2 shares. */
    static long next(long remaining, int left, RandomGenerator random) {
        long share = 1 + random.nextLong(2 * remaining - left) / left;
        return Math.min(share, remaining - (left - 1));
    }
}
