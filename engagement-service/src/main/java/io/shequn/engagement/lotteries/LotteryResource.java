package io.shequn.engagement.lotteries;

import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Caller;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/groups/{groupId}/lotteries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lotteries", description = "Lotteries (抽奖) with a verifiable commit–reveal draw, entries, eligibility rules and prizes")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a member of the group (or, to manage it, not its owner, an admin or an operator)")
public class LotteryResource {

    @Inject
    LotteryService lotteries;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(operationId = "createLottery", summary = "Create a lottery (owner, admins, operators)",
            description = "A secret seed is drawn and its SHA-256 published (seedHash). Entries close at entriesCloseAt, when the entry list "
                    + "is hashed and published; the draw at drawAt reveals the seed. docs/lotteries.md describes how to recompute the winners.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = LotteryResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid lottery: no prizes, entries closing in the past, a draw before entries close")
    public Response create(@PathParam("groupId") UUID groupId, @Valid @NotNull CreateLotteryRequest request) {
        return Response.status(201).entity(lotteries.create(groupId, request, caller)).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "listLotteries", summary = "The group's lotteries, newest first (members, operators)")
    @APIResponse(responseCode = "200", description = "One page of lotteries")
    @APIResponse(responseCode = "400", description = "Invalid page or size")
    public Page<LotteryResponse> list(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return lotteries.list(groupId, page, caller);
    }

    @GET
    @Path("/{lotteryId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "getLottery", summary = "A lottery: prizes, eligibility, entrants, hashes and, once drawn, the winners (members, operators)")
    @APIResponse(responseCode = "200", description = "The lottery", content = @Content(schema = @Schema(implementation = LotteryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such lottery in this group")
    public LotteryResponse get(@PathParam("groupId") UUID groupId, @PathParam("lotteryId") UUID lotteryId) {
        return lotteries.get(groupId, lotteryId, caller);
    }

    @POST
    @Path("/{lotteryId}/entries")
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "enterLottery", summary = "Enter a lottery (current members, once each)",
            description = "Deducts the entry cost in the same transaction (points-changed, reason LOTTERY_ENTRY) and publishes lottery-entered. "
                    + "Entering again answers with the entry.")
    @APIResponse(responseCode = "201", description = "Entered", content = @Content(schema = @Schema(implementation = EntryResponse.class)))
    @APIResponse(responseCode = "200", description = "Entered before: the same entry",
            content = @Content(schema = @Schema(implementation = EntryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such lottery in this group")
    @APIResponse(responseCode = "409", description = "lottery-closed, lottery-cancelled or insufficient-points")
    @APIResponse(responseCode = "422", description = "Not eligible: the problem type names the rule (not-eligible-min-check-in-days, "
            + "not-eligible-min-member-days, not-eligible-verified)")
    public Response enter(@PathParam("groupId") UUID groupId, @PathParam("lotteryId") UUID lotteryId) {
        Entered entered = lotteries.enter(groupId, lotteryId, caller.memberId());
        return Response.status(entered.created() ? 201 : 200).entity(entered.entry()).build();
    }

    @POST
    @Path("/{lotteryId}/draw")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(operationId = "drawLottery", summary = "Draw now, once entries have closed (owner, admins, operators)",
            description = "The lottery job draws at drawAt by itself; this draws earlier. Drawing happens once: a drawn lottery answers with "
                    + "its result. Credits points prizes (LOTTERY_PRIZE) and publishes lottery-drawn.")
    @APIResponse(responseCode = "200", description = "The drawn lottery", content = @Content(schema = @Schema(implementation = LotteryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such lottery in this group")
    @APIResponse(responseCode = "409", description = "entries-still-open or lottery-cancelled")
    public LotteryResponse draw(@PathParam("groupId") UUID groupId, @PathParam("lotteryId") UUID lotteryId) {
        return lotteries.drawNow(groupId, lotteryId, caller);
    }

    @POST
    @Path("/{lotteryId}/cancel")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(operationId = "cancelLottery", summary = "Cancel a lottery that has not been drawn (owner, admins, operators)",
            description = "Refunds every paid entry once (LOTTERY_REFUND). Cancelling again changes nothing.")
    @APIResponse(responseCode = "200", description = "The cancelled lottery", content = @Content(schema = @Schema(implementation = LotteryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such lottery in this group")
    @APIResponse(responseCode = "409", description = "lottery-drawn")
    public LotteryResponse cancel(@PathParam("groupId") UUID groupId, @PathParam("lotteryId") UUID lotteryId) {
        return lotteries.cancel(groupId, lotteryId, caller);
    }

    @GET
    @Path("/{lotteryId}/verification")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "verifyLottery", summary = "Everything needed to recompute the winners (members, operators)",
            description = "Seed hash from creation, the entry list and its hash once entries closed, the seed and the winners once drawn. "
                    + "The procedure (algorithm shequn-lottery-v1) is in docs/lotteries.md.")
    @APIResponse(responseCode = "200", description = "The verification record",
            content = @Content(schema = @Schema(implementation = VerificationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such lottery in this group")
    public VerificationResponse verification(@PathParam("groupId") UUID groupId, @PathParam("lotteryId") UUID lotteryId) {
        return lotteries.verification(groupId, lotteryId, caller);
    }
}
