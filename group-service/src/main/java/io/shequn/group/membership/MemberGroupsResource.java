package io.shequn.group.membership;

import io.shequn.platform.auth.Caller;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** "My groups": a member's memberships across groups. */
@Path("/api/v1/members/{memberId}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership", description = "Joining, applications, leaving, removals and bans")
@SecurityRequirement(name = "SecurityScheme")
public class MemberGroupsResource {

    @Inject
    MembershipService memberships;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.SELF)
    @Operation(summary = "A member's groups (the member themselves, operators)",
            description = "Current memberships by default; ?status=PENDING_APPROVAL, LEFT, ... for others.")
    @APIResponse(responseCode = "200", description = "A page of memberships, newest first")
    @APIResponse(responseCode = "403", description = "Another member's groups")
    public Page<MembershipResponse> groups(@PathParam("memberId") UUID memberId,
                                           @QueryParam("status") MembershipStatus status,
                                           @BeanParam @Valid PageRequest page) {
        return memberships.groupsOf(memberId, status, caller.isOperator(), caller.memberId(), page);
    }
}
