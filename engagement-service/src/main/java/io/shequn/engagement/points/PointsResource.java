package io.shequn.engagement.points;

import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Points", description = "The points ledger: balances, history and operator adjustments")
@SecurityRequirement(name = "SecurityScheme")
public class PointsResource {

    @Inject
    PointsService points;

    @Inject
    Caller caller;

    @GET
    @Path("/me/points")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "My points balance and history, newest first")
    @APIResponse(responseCode = "200", description = "Balance and one page of history",
            content = @Content(schema = @Schema(implementation = PointsResponse.class)))
    public PointsResponse mine(@BeanParam @Valid PageRequest page) {
        return points.points(caller.memberId(), page);
    }

    @GET
    @Path("/{memberId}/points")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "A member's points balance and history (operator)")
    @APIResponse(responseCode = "200", description = "Balance and one page of history",
            content = @Content(schema = @Schema(implementation = PointsResponse.class)))
    public PointsResponse of(@PathParam("memberId") UUID memberId, @BeanParam @Valid PageRequest page) {
        return points.points(memberId, page);
    }

    @POST
    @Path("/{memberId}/points/adjustments")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Grant or deduct points (operator)",
            description = "Recorded with the operator's id and reason; publishes points-changed. The same referenceId applies once.")
    @APIResponse(responseCode = "201", description = "Applied",
            content = @Content(schema = @Schema(implementation = PointsEntryResponse.class)))
    @APIResponse(responseCode = "200", description = "Applied before with this referenceId; nothing changed",
            content = @Content(schema = @Schema(implementation = PointsEntryResponse.class)))
    @APIResponse(responseCode = "409", description = "The deduction exceeds the balance")
    @APIResponse(responseCode = "404", description = "A member this service has never seen in a group nor holding points")
    public Response adjust(@PathParam("memberId") UUID memberId, @Valid @NotNull AdjustPointsRequest request) {
        PointsChange change = points.adjust(memberId, request, caller);
        return Response.status(change.applied() ? 201 : 200).entity(PointsEntryResponse.of(change.entry())).build();
    }
}
