package io.shequn.engagement.redpackets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Properties of the double-mean split, over many random packets (seeded, so a failure reproduces). */
class RedPacketSplitterTest {

    private static final int PACKETS = 10_000;

    @Test
    void everyShareIsAtLeastOneAtMostTwiceTheMeanLeftAndTheSumIsExact() {
        SplittableRandom packets = new SplittableRandom(20_260_101);
        for (int p = 0; p < PACKETS; p++) {
            int count = p % 10 == 0 ? 1 + packets.nextInt(RedPacketSplitter.MAX_COUNT) : 1 + packets.nextInt(50);
            long total = switch (p % 4) {
                case 0 -> count;                                        // one unit each, nothing to draw
                case 1 -> count + packets.nextLong(count * 3L);         // barely more than one each
                case 2 -> count + packets.nextLong(1_000_000);
                default -> count + packets.nextLong(1_000_000_000_000_000L); // extreme amounts must not overflow
            };
            long[] shares = RedPacketSplitter.split(total, count, new SplittableRandom(p));

            assertThat(shares).as("packet %d: %d over %d", p, total, count).hasSize(count);
            assertThat(Arrays.stream(shares).sum()).as("packet %d sum", p).isEqualTo(total);
            long remaining = total;
            for (int i = 0; i < count; i++) {
                int left = count - i;
                assertThat(shares[i]).as("packet %d share %d", p, i).isGreaterThanOrEqualTo(1);
                if (left > 1) {
                    // share ≤ 2 × remaining ÷ left, in integers; and enough left for everyone after.
                    assertThat(BigInteger.valueOf(shares[i]).multiply(BigInteger.valueOf(left)))
                            .as("packet %d share %d = %d of %d for %d", p, i, shares[i], remaining, left)
                            .isLessThanOrEqualTo(BigInteger.valueOf(remaining).shiftLeft(1));
                    assertThat(remaining - shares[i]).isGreaterThanOrEqualTo(left - 1);
                } else {
                    assertThat(shares[i]).as("the last takes the remainder").isEqualTo(remaining);
                }
                remaining -= shares[i];
            }
        }
    }

    /** Grabbing early or late is equally lucky on average: each position's mean is close to total ÷ count. */
    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"1000, 10", "10000, 100", "1000000, 1000", "250, 100", "88888, 7"})
    void eachPositionsMeanIsCloseToTheMean(long total, int count) {
        double[] sums = new double[count];
        SplittableRandom random = new SplittableRandom(total * 31 + count);
        for (int p = 0; p < PACKETS; p++) {
            long[] shares = RedPacketSplitter.split(total, count, random);
            for (int i = 0; i < count; i++) {
                sums[i] += shares[i];
            }
        }
        double mean = (double) total / count;
        for (int i = 0; i < count; i++) {
            assertThat(sums[i] / PACKETS).as("position %d of %d", i, count).isCloseTo(mean, offset(mean * 0.05));
        }
    }

    @Test
    void aPacketOfOneUnitPerShareGivesOneToEach() {
        assertThat(RedPacketSplitter.split(5, 5, new SplittableRandom(1))).containsOnly(1L);
        assertThat(RedPacketSplitter.split(7, 1, new SplittableRandom(1))).containsExactly(7L);
    }

    @Test
    void refusesImpossiblePackets() {
        assertThatThrownBy(() -> RedPacketSplitter.split(4, 5, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedPacketSplitter.split(5000, 0, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedPacketSplitter.split(5000, 1001, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
