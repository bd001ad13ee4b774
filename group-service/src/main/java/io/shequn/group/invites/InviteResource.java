package io.shequn.group.invites;

import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/groups/{groupId}/invites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invites", description = "Personal invite codes and what they brought in")
@SecurityRequirement(name = "SecurityScheme")
public class InviteResource {

    @Inject
    InviteService invites;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "My personal invite code for this group (current members)",
            description = "The same code on every call. A joiner who brings it joins via INVITE with the code's owner as inviterId.")
    @APIResponse(responseCode = "200", description = "The code",
            content = @Content(schema = @Schema(implementation = InviteResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a current member")
    public InviteResponse myCode(@PathParam("groupId") UUID groupId) {
        return invites.myCode(groupId);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "How many joined through each code (owner, admins, operators), best first")
    @APIResponse(responseCode = "200", description = "A page of per-code counts")
    public Page<InviteStats> stats(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return invites.stats(groupId, page);
    }
}
