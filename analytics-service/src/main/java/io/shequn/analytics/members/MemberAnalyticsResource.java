package io.shequn.analytics.members;

import io.shequn.analytics.access.GroupAccess;
import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/analytics/members/{memberId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Member analytics")
@SecurityRequirement(name = "SecurityScheme")
public class MemberAnalyticsResource {

    @Inject
    MemberAnalytics members;

    @Inject
    GroupAccess access;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Operation(summary = "One member's groups, activity, purchases and referred revenue (operator, or the member)")
    @APIResponse(responseCode = "403", description = "Another member")
    @APIResponse(responseCode = "404", description = "No event about the member was seen")
    public MemberAnalytics.MemberView member(@PathParam("memberId") UUID member) {
        access.requireSelfOrOperator(member);
        return members.member(member);
    }
}
