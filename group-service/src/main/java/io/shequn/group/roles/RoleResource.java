package io.shequn.group.roles;

import io.shequn.group.membership.MembershipResponse;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/groups/{groupId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Roles", description = "Roles in a group and ownership transfer")
@SecurityRequirement(name = "SecurityScheme")
public class RoleResource {

    @Inject
    RoleService roles;

    @PUT
    @Path("/members/{memberId}/role")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.GROUP_MANAGERS, checks = TargetRank.RoleChange.class)
    @Operation(summary = "Change a member's role",
            description = "Owner: ADMIN, KOL, LECTURER, MEMBER. Admins: KOL, LECTURER, MEMBER for members below admin. "
                    + "OWNER is never assigned (transfer ownership). Publishes member-role-changed.")
    @APIResponse(responseCode = "200", description = "The membership with its new role",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "403", description = "The permission matrix does not allow this change")
    @APIResponse(responseCode = "404", description = "Not a current member")
    public MembershipResponse changeRole(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId,
                                         @Valid @NotNull RoleRequest request) {
        return roles.changeRole(groupId, memberId, request.role());
    }

    @POST
    @Path("/ownership")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_OWNER)
    @Operation(summary = "Transfer ownership to a current member (owner, operators)",
            description = "The new owner becomes OWNER, the previous owner ADMIN; one member-role-changed each.")
    @APIResponse(responseCode = "200", description = "The new owner's and the previous owner's memberships")
    @APIResponse(responseCode = "403", description = "Not the owner")
    public List<MembershipResponse> transfer(@PathParam("groupId") UUID groupId,
                                             @Valid @NotNull OwnershipTransferRequest request) {
        return roles.transferOwnership(groupId, request.newOwnerId());
    }
}
