package io.shequn.engagement.redpackets;

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
import jakarta.ws.rs.HeaderParam;
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

@Path("/api/v1/groups/{groupId}/red-packets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Red packets", description = "Red packets (红包): sent to a group, split by the double-mean rule, grabbed once per member")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a member of the group (or, for a currency packet, not its owner, an admin or an operator)")
public class RedPacketResource {

    @Inject
    RedPacketService redPackets;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "sendRedPacket", summary = "Send a red packet to the group",
            description = "POINTS packets are debited from the sender's points at once (points-changed, reason RED_PACKET_SEND) and any member "
                    + "may send one; currency packets (ISO 4217) are recorded for an external payout system and need the group's owner, an admin "
                    + "or an operator. The total is split by the double-mean rule when sent; shares stay hidden until grabbed. Unclaimed shares "
                    + "go back to the sender at expiry. Publishes red-packet-sent. The same Idempotency-Key sends once.")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(schema = @Schema(implementation = RedPacketResponse.class)))
    @APIResponse(responseCode = "200", description = "Sent before with this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = RedPacketResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid packet: count outside 1..1000, total below count, expiry beyond 24 h, unknown currency")
    @APIResponse(responseCode = "409", description = "Not enough points to fund it, or the Idempotency-Key was used for another group")
    public Response send(@PathParam("groupId") UUID groupId,
                         @Parameter(description = "a key chosen by the client: retries with the same key send once")
                         @HeaderParam("Idempotency-Key") UUID idempotencyKey,
                         @Valid @NotNull SendRedPacketRequest request) {
        Sent sent = redPackets.send(groupId, request, idempotencyKey, caller);
        return Response.status(sent.created() ? 201 : 200).entity(sent.packet()).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "listRedPackets", summary = "The group's red packets, newest first (members, operators)")
    @APIResponse(responseCode = "200", description = "One page of packets, without their grabs")
    @APIResponse(responseCode = "400", description = "Invalid page or size")
    public Page<RedPacketResponse> list(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return redPackets.list(groupId, page, caller);
    }

    @GET
    @Path("/{packetId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "getRedPacket", summary = "A red packet: greeting, count, what has been grabbed, and once finished the best luck (members, operators)")
    @APIResponse(responseCode = "200", description = "The packet and its grabs",
            content = @Content(schema = @Schema(implementation = RedPacketResponse.class)))
    @APIResponse(responseCode = "404", description = "No such packet in this group")
    public RedPacketResponse get(@PathParam("groupId") UUID groupId, @PathParam("packetId") UUID packetId) {
        return redPackets.get(groupId, packetId, caller);
    }

    @POST
    @Path("/{packetId}/grabs")
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "grabRedPacket", summary = "Grab a share (current members, once each)",
            description = "Takes the next share; for POINTS it is credited at once (points-changed, reason RED_PACKET_GRAB). Publishes "
                    + "red-packet-grabbed, and red-packet-finished with the last share. Grabbing again answers with the same grab.")
    @APIResponse(responseCode = "201", description = "Grabbed",
            content = @Content(schema = @Schema(implementation = RedPacketGrab.class)))
    @APIResponse(responseCode = "200", description = "Grabbed before: the same grab",
            content = @Content(schema = @Schema(implementation = RedPacketGrab.class)))
    @APIResponse(responseCode = "404", description = "No such packet in this group")
    @APIResponse(responseCode = "409", description = "red-packet-empty: every share is taken; red-packet-expired: its time is up")
    public Response grab(@PathParam("groupId") UUID groupId, @PathParam("packetId") UUID packetId) {
        Grabbed grabbed = redPackets.grab(groupId, packetId, caller.memberId());
        return Response.status(grabbed.created() ? 201 : 200).entity(grabbed.grab()).build();
    }
}
