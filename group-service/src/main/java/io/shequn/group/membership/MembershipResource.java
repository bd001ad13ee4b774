package io.shequn.group.membership;

import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.auth.Caller;
import io.shequn.group.roles.TargetRank;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/groups/{groupId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Membership", description = "Joining, applications, leaving, removals and bans")
@SecurityRequirement(name = "SecurityScheme")
public class MembershipResource {

    @Inject
    MembershipService memberships;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.ANY_MEMBER, checks = JoinRefusals.class)
    @Operation(summary = "Join a group (the caller)",
            description = "OPEN joins at once (member-joined via OPEN, or INVITE with a valid code); APPROVAL creates "
                    + "an application (status PENDING_APPROVAL); INVITE_ONLY needs the invite code of a current member; "
                    + "PAID creates a pending membership (PENDING_PAYMENT) completed by a purchase of sku "
                    + "group-entry:{groupId}. requireVerified and required intro fields are checked first.")
    @APIResponse(responseCode = "201", description = "Joined, applied or awaiting payment: see status",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "403", description = "Banned, not verified, or no invite code for an INVITE_ONLY group")
    @APIResponse(responseCode = "409", description = "Full (group-full), archived, already a member or pending")
    @APIResponse(responseCode = "422", description = "Missing intro answers or an invalid invite code")
    public Response join(@PathParam("groupId") UUID groupId,
                         @RequestBody(required = false, description = "An invite code and intro answers, when the group asks for them")
                         @Valid JoinRequest request, @Context UriInfo uri) {
        MembershipResponse membership = memberships.join(groupId, caller.memberId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(membership.memberId().toString()).build())
                .entity(membership).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "Members of a group (its members, operators)",
            description = "Current members by default; filter by role, or by status (LEFT, REMOVED, BANNED, ...; "
                    + "PENDING_APPROVAL, PENDING_PAYMENT, REJECTED, REMOVED and BANNED for owner/admins only).")
    @APIResponse(responseCode = "200", description = "A page of memberships")
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    public Page<MembershipResponse> list(@PathParam("groupId") UUID groupId,
                                         @QueryParam("status") MembershipStatus status,
                                         @QueryParam("role") GroupRole role,
                                         @BeanParam @Valid PageRequest page) {
        return memberships.members(groupId, status, role, page);
    }

    @GET
    @Path("/{memberId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.SELF_OR_GROUP_MEMBERS)
    @Operation(summary = "A member's current (or latest) membership in the group",
            description = "The member themselves, fellow members and operators; an application, rejection, removal or "
                    + "ban only the member, the owner, admins and operators.")
    @APIResponse(responseCode = "200", description = "The membership",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "404", description = "Never a member")
    public MembershipResponse get(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId) {
        return memberships.membership(groupId, memberId);
    }

    @DELETE
    @Path("/{memberId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.SELF_OR_GROUP_MANAGERS, checks = TargetRank.Removal.class)
    @Operation(summary = "Leave (your own id) or remove a member (owner/admins, below their rank; reason required)",
            description = "Publishes member-left with reason LEFT or REMOVED (the reason as detail).")
    @APIResponse(responseCode = "200", description = "The ended membership",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "400", description = "Removal without a reason")
    @APIResponse(responseCode = "403", description = "The permission matrix does not allow this removal")
    @APIResponse(responseCode = "409", description = "The owner cannot leave before transferring ownership")
    public MembershipResponse leaveOrRemove(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId,
                                            @Parameter(description = "Why the member is removed (required for removals)")
                                            @QueryParam("reason") @Size(max = 500) String reason) {
        if (memberId.equals(caller.memberId())) {
            return memberships.leave(groupId, memberId);
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required to remove a member");
        }
        return memberships.remove(groupId, memberId, reason);
    }
}
