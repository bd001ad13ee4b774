package io.shequn.analytics.kols;

import io.shequn.analytics.groups.DayWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KolCoverTest {

    @Test
    void everyDayIsInOneBlockPerSpanAndGridEachContainingIt() {
        for (LocalDate day = LocalDate.of(1999, 12, 1); day.isBefore(LocalDate.of(2001, 3, 1)); day = day.plusDays(1)) {
            List<KolCover> blocks = KolCover.blocksOf(day);
            assertThat(blocks).hasSize(8).map(KolCover::span).containsExactly(4, 4, 16, 16, 64, 64, 256, 256);
            for (KolCover block : blocks) {
                assertThat(day).isBetween(block.firstDay(), block.lastDay());
            }
            assertThat(blocks.get(0).firstDay()).isNotEqualTo(blocks.get(1).firstDay());
        }
        // The grids: the first starts on the epoch, the second half a span later (the SQL recount computes the same).
        assertThat(KolCover.blocksOf(KolCover.EPOCH)).contains(new KolCover(64, KolCover.EPOCH), new KolCover(256, KolCover.EPOCH));
        assertThat(KolCover.blocksOf(KolCover.EPOCH.plusDays(32))).contains(new KolCover(64, KolCover.EPOCH.plusDays(32)));
    }

    @Test
    void aWindowOfUpTo128DaysLiesInOneBlockShorterThanEightTimesIt() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3000));
            int days = 1 + random.nextInt(128);
            DayWindow window = DayWindow.of(from, from.plusDays(days - 1));
            KolCover block = KolCover.containing(window).orElseThrow();
            assertThat(window.from()).isAfterOrEqualTo(block.firstDay());
            assertThat(window.to()).isBeforeOrEqualTo(block.lastDay());
            assertThat(block.span()).isLessThan(8 * days);
            assertThat(KolCover.blocksOf(window.to())).contains(block);
        }
    }

    @Test
    void theBlocksInsideAWindowAreThoseOfTheLongestSpanThatFits() {
        Random random = new Random(16);
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3000));
            DayWindow window = DayWindow.of(from, from.plusDays(random.nextInt(366)));
            List<KolCover> inside = KolCover.inside(window);
            Set<KolCover> within = new HashSet<>();
            for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
                for (KolCover block : KolCover.blocksOf(day)) {
                    if (!block.firstDay().isBefore(window.from()) && !block.lastDay().isAfter(window.to())) {
                        within.add(block);
                    }
                }
            }
            int longest = within.stream().mapToInt(KolCover::span).max().orElse(0);
            assertThat(inside).as("window " + window).containsExactlyInAnyOrderElementsOf(
                    within.stream().filter(block -> block.span() == longest).toList());
            assertThat(inside.isEmpty()).isEqualTo(longest == 0);
        }
    }

    @Test
    void theShortestBlockIsChosen() {
        // 2000-01-03..06 is a 4-day block of the first grid; one day more needs the 16-day block.
        assertThat(KolCover.containing(DayWindow.of(LocalDate.of(2000, 1, 3), LocalDate.of(2000, 1, 6))))
                .contains(new KolCover(4, LocalDate.of(2000, 1, 3)));
        assertThat(KolCover.containing(DayWindow.of(LocalDate.of(2000, 1, 4), LocalDate.of(2000, 1, 7))))
                .contains(new KolCover(16, LocalDate.of(2000, 1, 3)));
    }

    @Test
    void aLongerWindowMayHaveNoBlock() {
        // 200 days across the first grid's boundary at 2000-01-03 + 256 and the second grid's at + 128 + 256.
        LocalDate from = KolCover.EPOCH.plusDays(200);
        assertThat(KolCover.containing(DayWindow.of(from, from.plusDays(199)))).isEmpty();
    }
}
