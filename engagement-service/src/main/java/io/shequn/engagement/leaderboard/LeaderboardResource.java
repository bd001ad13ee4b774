package io.shequn.engagement.leaderboard;

import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/groups/{groupId}/leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leaderboards", description = "Points and streak rankings of a group")
@SecurityRequirement(name = "SecurityScheme")
public class LeaderboardResource {

    @Inject
    LeaderboardService leaderboards;

    @Inject
    Caller caller;

    @GET
    @Path("/points")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "Points earned in the group this week, this month or all time (members, operators)",
            description = "Weeks start on Monday in the group's time zone. Current members only; ties go to whoever "
                    + "reached the total first, then to the lower member id.")
    @APIResponse(responseCode = "200", description = "One page of the ranking",
            content = @Content(schema = @Schema(implementation = PointsLeaderboardResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    public PointsLeaderboardResponse points(@PathParam("groupId") UUID groupId,
                                            @QueryParam("period") @DefaultValue("WEEK") Period period,
                                            @BeanParam @Valid PageRequest page) {
        return leaderboards.points(groupId, period, page, caller);
    }

    @GET
    @Path("/streaks")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "Longest current check-in streaks in the group (members, operators)",
            description = "A streak is current if its latest check-in was today or yesterday. Ties go to the earlier "
                    + "latest check-in, then to the lower member id.")
    @APIResponse(responseCode = "200", description = "One page of the ranking",
            content = @Content(schema = @Schema(implementation = StreakLeaderboardResponse.class)))
    public StreakLeaderboardResponse streaks(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return leaderboards.streaks(groupId, page, caller);
    }
}
