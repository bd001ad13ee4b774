package io.shequn.engagement.rewards;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/me/redemptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rewards", description = "Rewards bought with points and their redemptions")
@SecurityRequirement(name = "SecurityScheme")
public class MyRedemptionsResource {

    @Inject
    RewardService rewards;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "My redemptions, newest first")
    @APIResponse(responseCode = "200", description = "One page of redemptions")
    public Page<RedemptionResponse> mine(@BeanParam @Valid PageRequest page) {
        return rewards.myRedemptions(caller.memberId(), page);
    }
}
