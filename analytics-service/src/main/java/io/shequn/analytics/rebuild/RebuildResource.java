package io.shequn.analytics.rebuild;

import io.shequn.platform.auth.Roles;
import io.shequn.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Suite-wide figures and rebuilding the read models")
@SecurityRequirement(name = "SecurityScheme")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Recompute every read model from the Kafka history (operator)",
            description = "Replays every topic from offset 0 into fresh tables while live consumption goes on, then swaps them in. "
                    + "Answers 202 at once; follow it with GET.")
    @APIResponse(responseCode = "202", description = "Started; the state of the rebuild",
            content = @Content(schema = @Schema(implementation = Rebuild.Status.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is running")
    public Response start() {
        if (!rebuild.start()) {
            throw new ProblemException(409, "rebuild-running", "Rebuild running", "A rebuild is already running; follow it with GET");
        }
        return Response.accepted(rebuild.status()).build();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "The state of the last rebuild (operator)")
    @APIResponse(responseCode = "200", description = "The state")
    public Rebuild.Status status() {
        return rebuild.status();
    }
}
