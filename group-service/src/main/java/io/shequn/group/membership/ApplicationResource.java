package io.shequn.group.membership;

import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.Page;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Applications to APPROVAL groups, decided by the owner and admins. */
@Path("/api/v1/groups/{groupId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Membership", description = "Joining, applications, leaving, removals and bans")
@SecurityRequirement(name = "SecurityScheme")
public class ApplicationResource {

    @Inject
    MembershipService memberships;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Pending applications, oldest first (owner, admins, operators)")
    @APIResponse(responseCode = "200", description = "A page of applications")
    public Page<MembershipResponse> pending(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return memberships.applications(groupId, page);
    }

    @POST
    @Path("/{memberId}/approve")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Approve an application (owner, admins, operators)", description = "Publishes member-joined via APPROVAL.")
    @APIResponse(responseCode = "200", description = "The membership, now ACTIVE",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin")
    @APIResponse(responseCode = "409", description = "The group is full")
    public MembershipResponse approve(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId) {
        return memberships.approve(groupId, memberId);
    }

    @POST
    @Path("/{memberId}/reject")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Reject an application with a reason (owner, admins, operators)")
    @APIResponse(responseCode = "200", description = "The application, now REJECTED",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    public MembershipResponse reject(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId,
                                     @Valid @NotNull ReasonRequest request) {
        return memberships.reject(groupId, memberId, request.reason());
    }
}
