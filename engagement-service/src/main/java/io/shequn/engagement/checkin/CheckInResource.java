package io.shequn.engagement.checkin;

import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.UUID;

@Path("/api/v1/groups/{groupId}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins", description = "Daily check-ins and streaks in the group's time zone")
@SecurityRequirement(name = "SecurityScheme")
public class CheckInResource {

    @Inject
    CheckInService checkIns;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "Check in for today (group members)",
            description = "Once per day in the group's time zone; earns points by the group's rule and publishes checked-in "
                    + "and points-changed. Checking in again the same day returns the day's check-in and earns nothing.")
    @APIResponse(responseCode = "201", description = "Checked in",
            content = @Content(schema = @Schema(implementation = CheckInResponse.class)))
    @APIResponse(responseCode = "200", description = "Already checked in today: the existing check-in",
            content = @Content(schema = @Schema(implementation = CheckInResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    public Response checkIn(@PathParam("groupId") UUID groupId) {
        CheckInResult result = checkIns.checkIn(groupId, caller.memberId());
        return Response.status(result.created() ? 201 : 200).entity(result.checkIn()).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "My check-in calendar of a month, with my current and longest streak")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(schema = @Schema(implementation = CheckInCalendarResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    public CheckInCalendarResponse calendar(@PathParam("groupId") UUID groupId,
                                            @Parameter(description = "YYYY-MM; this month by default", example = "2026-11",
                                                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$"))
                                            @QueryParam("month") YearMonth month) {
        return checkIns.calendar(groupId, caller.memberId(), month);
    }
}
