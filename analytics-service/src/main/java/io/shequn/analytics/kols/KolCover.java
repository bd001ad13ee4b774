package io.shequn.analytics.kols;

import io.shequn.analytics.groups.DayWindow;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blocks of days kol_cover keeps each member's most possible KOL score for (V16): spans of 4,
 * 16, 64 and 256 days, each on two grids, the second shifted by half a span, so a window of n
 * days, n at most 128, lies whole in one block of fewer than 8n days (a window no longer than half
 * a span fits in a block of one grid or the other): a 30-day window in a 64-day block. The first grid starts on
 * {@link #EPOCH}. analytics_recount_kols computes the same blocks in SQL.
 */
public record KolCover(int span, LocalDate firstDay) {

    static final LocalDate EPOCH = LocalDate.of(2000, 1, 3);
    static final int[] SPANS = {4, 16, 64, 256};

    /** Every block containing {@code day}: one per span and grid. */
    static List<KolCover> blocksOf(LocalDate day) {
        List<KolCover> blocks = new ArrayList<>(SPANS.length * 2);
        long offset = ChronoUnit.DAYS.between(EPOCH, day);
        for (int span : SPANS) {
            for (int shift : new int[] {0, span / 2}) {
                blocks.add(new KolCover(span, day.minusDays(Math.floorMod(offset - shift, span))));
            }
        }
        return blocks;
    }

    /** The shortest block containing the whole window, if there is one (windows up to 128 days always have one). */
    static Optional<KolCover> containing(DayWindow window) {
        return blocksOf(window.from()).stream()
                .filter(block -> !window.to().isAfter(block.lastDay()))
                .findFirst();
    }

    /**
     * The blocks of the longest span that lie whole inside the window (both grids), or none for a
     * window shorter than 4 days: their best are members active in the window.
     */
    static List<KolCover> inside(DayWindow window) {
        for (int i = SPANS.length - 1; i >= 0; i--) {
            int span = SPANS[i];
            List<KolCover> blocks = new ArrayList<>();
            for (KolCover start : blocksOf(window.from())) {
                if (start.span() != span) {
                    continue;
                }
                for (LocalDate first = start.firstDay().isBefore(window.from()) ? start.firstDay().plusDays(span) : start.firstDay();
                     !first.plusDays(span - 1).isAfter(window.to()); first = first.plusDays(span)) {
                    blocks.add(new KolCover(span, first));
                }
            }
            if (!blocks.isEmpty()) {
                return blocks;
            }
        }
        return List.of();
    }

    LocalDate lastDay() {
        return firstDay.plusDays(span - 1);
    }
}
