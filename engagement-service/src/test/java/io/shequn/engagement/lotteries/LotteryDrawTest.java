package io.shequn.engagement.lotteries;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class LotteryDrawTest {

    private static final UUID LOTTERY = UUID.fromString("3f0c2d1e-0000-4000-8000-000000000001");

    @Test
    void hashesAreSha256OfTheDocumentedBytes() {
        assertThat(LotteryDraw.hex(LotteryDraw.seedHash(new byte[32])))
                .isEqualTo("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
        assertThat(LotteryDraw.hex(LotteryDraw.entryListHash(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // sha256("00000000-0000-0000-0000-000000000001\n")
        assertThat(LotteryDraw.entryListHash(List.of(new UUID(0, 1))))
                .isEqualTo(LotteryDraw.sha256("00000000-0000-0000-0000-000000000001\n".getBytes()));
    }

    @Test
    void theEntryListHashIgnoresTheOrderOfEntriesButNotTheirIdentity() {
        List<UUID> entries = members(50, 1);
        List<UUID> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(2));
        assertThat(LotteryDraw.entryListHash(shuffled)).isEqualTo(LotteryDraw.entryListHash(entries));

        List<UUID> oneChanged = new ArrayList<>(entries);
        oneChanged.set(17, UUID.randomUUID());
        assertThat(LotteryDraw.entryListHash(oneChanged)).isNotEqualTo(LotteryDraw.entryListHash(entries));
        assertThat(LotteryDraw.entryListHash(entries.subList(0, 49))).isNotEqualTo(LotteryDraw.entryListHash(entries));
    }

    @Test
    void winnersAreDistinctDrawnPrizeByPrizeAndDeterminedBySeedEntriesAndLottery() {
        byte[] seed = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        List<UUID> entries = members(30, 3);
        List<LotteryDraw.Winner> winners = LotteryDraw.winners(seed, entries, LOTTERY, new int[] {1, 3, 5});

        assertThat(winners).hasSize(9);
        assertThat(winners).extracting(LotteryDraw.Winner::prizePosition).containsExactly(1, 2, 2, 2, 3, 3, 3, 3, 3);
        assertThat(winners).extracting(LotteryDraw.Winner::memberId).doesNotHaveDuplicates().isSubsetOf(entries);
        List<UUID> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(4));
        assertThat(LotteryDraw.winners(seed, shuffled, LOTTERY, new int[] {1, 3, 5})).isEqualTo(winners);

        byte[] otherSeed = seed.clone();
        otherSeed[0] ^= 1;
        assertThat(LotteryDraw.winners(otherSeed, entries, LOTTERY, new int[] {1, 3, 5})).isNotEqualTo(winners);
        assertThat(LotteryDraw.winners(seed, entries, UUID.randomUUID(), new int[] {1, 3, 5})).isNotEqualTo(winners);
    }

    @Test
    void moreUnitsThanEntrantsMakeEveryEntrantAWinner() {
        List<UUID> entries = members(4, 5);
        List<LotteryDraw.Winner> winners = LotteryDraw.winners(new byte[32], entries, LOTTERY, new int[] {2, 10});
        assertThat(winners).extracting(LotteryDraw.Winner::memberId).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(LotteryDraw.winners(new byte[32], List.of(), LOTTERY, new int[] {2})).isEmpty();
    }

    @Test
    void everyIndexIsEquallyLikelyAlsoWhereAPlainModuloWouldFavourSome() {
        LotteryDraw.Stream stream = new LotteryDraw.Stream(new byte[32]);
        int[] counts = new int[3];
        for (int i = 0; i < 90_000; i++) {
            counts[stream.below(3)]++;
        }
        for (int count : counts) {
            assertThat(count / 90_000.0).isCloseTo(1 / 3.0, offset(0.01));
        }
        // 2³² mod n = 2n/3 here: x mod n without rejection would land below 2n/3 three times in four, not two in three.
        int n = 1_610_612_736;
        int low = 0;
        for (int i = 0; i < 20_000; i++) {
            low += stream.below(n) < 1_073_741_824 ? 1 : 0;
        }
        assertThat(low / 20_000.0).isCloseTo(2 / 3.0, offset(0.02));
    }

    private static List<UUID> members(int count, long seed) {
        Random random = new Random(seed);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return members;
    }
}
