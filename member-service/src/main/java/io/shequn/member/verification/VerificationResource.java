package io.shequn.member.verification;

import io.shequn.member.profile.MemberResponse;
import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/members/{id}/verification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Verification", description = "Real-name verification (实名认证)")
@SecurityRequirement(name = "SecurityScheme")
public class VerificationResource {

    @Inject
    VerificationService verification;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Record a member's verification (operator)",
            description = "Stores method and reference; the profile then shows verification.verified=true. Publishes member-verified the first time.")
    @APIResponse(responseCode = "200", description = "The verified member",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; violations name the fields")
    @APIResponse(responseCode = "403", description = "Not an operator")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "The member was erased")
    public MemberResponse verify(@PathParam("id") UUID id, @Valid @NotNull VerificationRequest request) {
        return verification.verify(id, request);
    }
}
