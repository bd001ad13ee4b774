package io.shequn.analytics.groups;

import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.analytics.cohorts.CohortQueries;
import io.shequn.analytics.funnel.FunnelQueries;
import io.shequn.analytics.kols.KolQueries;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/analytics/groups/{groupId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group analytics", description = "A group's activity, retention, funnel, revenue, referrals, KOLs and campaigns. Windows default "
        + "to the last 30 days in the group's time zone; a group no event has named yet is 404, not zeros.")
@SecurityRequirement(name = "SecurityScheme")
public class GroupAnalyticsResource {

    @Inject
    GroupAnalytics analytics;

    @Inject
    SilentMembers silentMembers;

    @Inject
    CohortQueries cohorts;

    @Inject
    FunnelQueries funnels;

    @Inject
    KolQueries kols;

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "A group's activity on a day (operator, owner, admins)",
            description = "Members, DAU, WAU, MAU, stickiness, silent members and the last active day; day defaults to today in the group's time zone.")
    public GroupSummary summary(@PathParam("groupId") UUID group,
                                @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_DAY) @QueryParam("day") LocalDate day) {
        return analytics.summary(group, day);
    }

    @GET
    @Path("/timeseries")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "One metric per day (operator, owner, admins)", description = "At most 366 days; days without events are 0.")
    public List<GroupAnalytics.Point> timeseries(@PathParam("groupId") UUID group,
                                                 @Parameter(example = "DAU") @QueryParam("metric") @NotNull GroupAnalytics.Metric metric,
                                                 @Parameter(example = "2026-11-01", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                                 @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to) {
        DayWindow window = analytics.window(group, from, to);
        return analytics.timeseries(group, metric, window.from(), window.to());
    }

    @GET
    @Path("/members/silent")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "Silent members (潜水) on a day (operator, owner, admins)",
            description = "Current members with no activity in the 14 days ending on the day; never active first, then longest silent.")
    public Page<SilentMembers.Silent> silent(@PathParam("groupId") UUID group,
                                             @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_DAY) @QueryParam("day") LocalDate day,
                                             @BeanParam @Valid PageRequest page) {
        return silentMembers.list(group, analytics.day(group, day), page);
    }

    @GET
    @Path("/retention")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "Cohort retention triangle by join week (operator, owner, admins)",
            description = "One cohort per week (Monday) from the week of from to the week of to: members who first joined then, and how many "
                    + "of them were active in each week since, up to the week of to.")
    public CohortQueries.Retention retention(@PathParam("groupId") UUID group,
                                             @Parameter(example = "2026-10-05", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                             @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to) {
        return cohorts.retention(group, analytics.window(group, from, to));
    }

    @GET
    @Path("/lifecycle")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "Member lifecycle per week: new, returning, resurrecting, dormant (operator, owner, admins)")
    public CohortQueries.Lifecycle lifecycle(@PathParam("groupId") UUID group,
                                             @Parameter(example = "2026-10-05", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                             @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to) {
        return cohorts.lifecycle(group, analytics.window(group, from, to));
    }

    @GET
    @Path("/funnel")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "AARRR funnel of the members who first joined in the window (operator, owner, admins)",
            description = "joined → activated (active within 7 days) → retained (active on 2+ days in days 8–30) → converted (a purchase "
                    + "credited to the group) → referred (invited someone who joined); each step counts members who made every step before it.")
    public FunnelQueries.Funnel funnel(@PathParam("groupId") UUID group,
                                       @Parameter(example = "2026-10-01", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                       @Parameter(example = "2026-10-31", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to) {
        return funnels.funnel(group, analytics.window(group, from, to));
    }

    @GET
    @Path("/revenue")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "GMV, conversion rate, ARPU and referred revenue over a window (operator, owner, admins)")
    public FunnelQueries.GroupRevenue revenue(@PathParam("groupId") UUID group,
                                              @Parameter(example = "2026-11-01", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                              @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to) {
        return funnels.revenue(group, analytics.window(group, from, to));
    }

    @GET
    @Path("/referrals")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "K-factor and invitations per inviter over a window (operator, owner, admins)")
    public FunnelQueries.Referrals referrals(@PathParam("groupId") UUID group,
                                             @Parameter(example = "2026-11-01", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                             @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to) {
        return funnels.referrals(group, analytics.window(group, from, to));
    }

    @GET
    @Path("/kols")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    @Operation(summary = "Members by KOL influence over a window (operator, owner, admins)",
            description = "score = messages + 2 × replies received + 3 × distinct repliers + 10 × referred members + 5 × referred purchases.")
    public List<KolQueries.Kol> kols(@PathParam("groupId") UUID group,
                                     @Parameter(example = "2026-11-01", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                     @Parameter(example = "2026-11-23", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to,
                                     @Parameter(description = "At most 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return kols.top(group, analytics.window(group, from, to), limit);
    }
}
