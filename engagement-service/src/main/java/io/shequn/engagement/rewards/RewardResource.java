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
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rewards", description = "Rewards bought with points and their redemptions")
@SecurityRequirement(name = "SecurityScheme")
public class RewardResource {

    @Inject
    RewardService rewards;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Create a global reward (operators)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid reward")
    public Response create(@Valid @NotNull CreateRewardRequest request) {
        return Response.status(201).entity(rewards.create(null, request, caller)).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "The global rewards")
    @APIResponse(responseCode = "200", description = "One page of rewards")
    public Page<RewardResponse> list(@BeanParam @Valid PageRequest page) {
        return rewards.list(null, page, caller);
    }

    @GET
    @Path("/{rewardId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.GROUP_MEMBERS, pathParameter = "rewardId")
    @Operation(summary = "A reward, with its stock left (a group's reward: its members, operators)")
    @APIResponse(responseCode = "200", description = "The reward",
            content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "404", description = "No such reward")
    public RewardResponse get(@PathParam("rewardId") UUID rewardId) {
        return rewards.get(rewardId);
    }

    @PATCH
    @Path("/{rewardId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.GROUP_MANAGERS, pathParameter = "rewardId")
    @Operation(summary = "Change a reward: stock, cost, limit, active window (operators; a group's owner and admins for its rewards)")
    @APIResponse(responseCode = "200", description = "The reward now",
            content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to manage this reward")
    public RewardResponse update(@PathParam("rewardId") UUID rewardId, @Valid @NotNull UpdateRewardRequest request) {
        return rewards.update(rewardId, request, caller);
    }

    @POST
    @Path("/{rewardId}/redemptions")
    @RolesAllowed(Roles.MEMBER)
    @Allowed(value = Audience.GROUP_MEMBERS, pathParameter = "rewardId")
    @Operation(summary = "Redeem a reward with my points",
            description = "Deducts the cost and one from stock in one transaction and publishes points-changed "
                    + "(reason REWARD_REDEMPTION). A group's reward is for its members. The same Idempotency-Key redeems once.")
    @APIResponse(responseCode = "201", description = "Redeemed",
            content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "200", description = "Redeemed before with this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the reward's group")
    @APIResponse(responseCode = "409", description = "Out of stock, not enough points, limit reached or not active")
    public Response redeem(@PathParam("rewardId") UUID rewardId,
                           @Parameter(description = "a key chosen by the client: retries with the same key redeem once")
                           @HeaderParam("Idempotency-Key") UUID idempotencyKey) {
        Redeemed redeemed = rewards.redeem(rewardId, caller.memberId(), idempotencyKey);
        return Response.status(redeemed.created() ? 201 : 200).entity(redeemed.redemption()).build();
    }
}
