package io.shequn.analytics.groups;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shequn.analytics.revenue.Revenue;
import io.shequn.contracts.events.LifecycleStage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A group's activity on one day; definitions in docs/analytics.md (version 4). */
@Schema(name = "GroupSummary")
public record GroupSummary(
        UUID groupId,
        @Schema(description = "From group-created; absent until it has been seen") String name,
        @Schema(example = "Asia/Shanghai") String timeZone,
        @Schema(description = "The day the figures are for, in the group's time zone") LocalDate day,
        @Schema(description = "Current members at the end of the day", example = "120") long members,
        @Schema(description = "Members active on the day", example = "31") long dau,
        @Schema(description = "Distinct members active in the 7 days ending on the day", example = "64") long wau,
        @Schema(description = "Distinct members active in the 30 days ending on the day", example = "90") long mau,
        @Schema(description = "Average DAU over the 30 days ending on the day ÷ MAU; 0 when MAU is 0", example = "0.27") double stickiness,
        @Schema(description = "Current members with no activity in the 14 days ending on the day", example = "40") long silentMembers,
        @Schema(description = "The last day with any activity up to the day, or absent") LocalDate lastActiveDay,
        @Schema(description = "GMV per currency attributed to the group in the 30 days ending on the day") List<Revenue> revenue30Days,
        @Schema(description = "The group's last health assessment, absent until group-created has been seen") Health health) {

    /** Health as last assessed (docs/analytics.md, "Group health"): on the first event of each day and by the daily sweep. */
    @Schema(name = "GroupHealth")
    public record Health(@Schema(example = "72") int score,
                         @Schema(example = "ACTIVE") LifecycleStage stage,
                         @Schema(description = "The day the assessment is for") LocalDate assessedDay) {
    }
}
