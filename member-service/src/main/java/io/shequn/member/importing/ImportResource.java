package io.shequn.member.importing;

import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Import", description = "Bring an existing community in")
@SecurityRequirement(name = "SecurityScheme")
public class ImportResource {

    @Inject
    MemberImport memberImport;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Import up to 10,000 members (operator)",
            description = "Idempotent by externalId: a known externalId updates that member, a new one creates a member and publishes "
                    + "member-registered. Every row gets a result (CREATED, UPDATED or REJECTED with the reason); a bad row never "
                    + "rejects the others.")
    @APIResponse(responseCode = "200", description = "One result per row, in request order",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "No rows, or more than 10,000")
    @APIResponse(responseCode = "403", description = "Not an operator")
    public ImportResult importMembers(@Valid @NotNull ImportRequest request) {
        return memberImport.run(request);
    }
}
