package io.shequn.analytics.groups;

import io.shequn.analytics.access.GroupAccess;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

@Path("/api/v1/analytics/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group analytics", description = "A group's activity, retention, funnel, revenue, referrals and KOLs")
@SecurityRequirement(name = "SecurityScheme")
public class GroupRankingResource {

    @Inject
    GroupRanking ranking;

    @Inject
    GroupAccess access;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "Groups ranked by health, GMV or activity (operator: all groups; members: the groups they own or administer)",
            description = "HEALTH: last assessed score; GMV: the 30 days ending on the day in one currency; ACTIVITY: WAU, the 7 days ending on "
                    + "the day. day defaults to today in Asia/Shanghai. Highest first; groups without a value last.")
    @APIResponse(responseCode = "200", description = "A page of ranked groups")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public Page<GroupRanking.Ranked> rank(@Parameter(example = "HEALTH") @QueryParam("sort") @DefaultValue("HEALTH") GroupRanking.Sort sort,
                                          @Parameter(example = "CNY") @QueryParam("currency") @DefaultValue("CNY")
                                          @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency,
                                          @Parameter(example = "2026-11-23") @QueryParam("day") LocalDate day,
                                          @BeanParam @Valid PageRequest page) {
        LocalDate asOf = day != null ? day : LocalDate.now(clock.withZone(io.shequn.analytics.activity.GroupCalendar.DEFAULT_ZONE));
        return ranking.rank(sort, currency, asOf, access.isOperator() ? null : access.managedGroups(), page);
    }
}
