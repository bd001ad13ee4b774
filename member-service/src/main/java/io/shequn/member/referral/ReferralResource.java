package io.shequn.member.referral;

import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/members/{id}/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Invite codes and the referral tree (裂变)")
@SecurityRequirement(name = "SecurityScheme")
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.SELF, pathParameter = "id")
    @APIResponse(responseCode = "403", description = "Neither the member nor an operator")
    @APIResponse(responseCode = "404", description = "No such member")
    @Operation(summary = "The referral tree below a member (the member or an operator)")
    @APIResponse(responseCode = "200", description = "The tree with counts per level",
            content = @Content(schema = @Schema(implementation = ReferralTree.class)))
    @APIResponse(responseCode = "400", description = "depth is not between 1 and 5")
    public ReferralTree tree(@PathParam("id") UUID id,
                             @Parameter(description = "Levels below the member, 1 to 5", example = "3")
                             @QueryParam("depth") @DefaultValue("1") @Min(1) @Max(ReferralService.MAX_DEPTH) int depth) {
        return referrals.tree(id, depth, caller);
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.SELF, pathParameter = "id")
    @APIResponse(responseCode = "403", description = "Neither the member nor an operator")
    @APIResponse(responseCode = "404", description = "No such member")
    @Operation(summary = "How many members a member brought in: directly and in total (the member or an operator)")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = ReferralTree.Summary.class)))
    public ReferralTree.Summary summary(@PathParam("id") UUID id) {
        return referrals.summary(id, caller);
    }
}
