package io.shequn.engagement.leaderboard;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeekRunsFromMondayMidnightInTheGroupsTimeZone() {
        // Sunday 23:30 UTC is already Monday 07:30 in Shanghai.
        Period.Range week = Period.WEEK.range(Instant.parse("2026-06-14T23:30:00Z"), SHANGHAI);
        assertThat(week.from()).isEqualTo(Instant.parse("2026-06-14T16:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-06-21T16:00:00Z"));
    }

    @Test
    void aMonthRunsFromTheFirstAndAllTimeIsUnbounded() {
        Period.Range month = Period.MONTH.range(Instant.parse("2026-06-17T04:00:00Z"), SHANGHAI);
        assertThat(month.from()).isEqualTo(Instant.parse("2026-05-31T16:00:00Z"));
        assertThat(month.to()).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
        assertThat(Period.ALL_TIME.range(Instant.now(), SHANGHAI).from()).isNull();
    }
}
