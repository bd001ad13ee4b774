package io.shequn.engagement.messages;

import io.shequn.engagement.moderation.WordRule;
import io.shequn.platform.auth.Caller;
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
import java.util.stream.Collectors;

@Path("/api/v1/groups/{groupId}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "Group messages, moderated against sensitive words")
@SecurityRequirement(name = "SecurityScheme")
public class MessageResource {

    @Inject
    MessageService messages;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "Post a message (group members)",
            description = "Moderated against the global and the group's sensitive words; publishes message-posted "
                    + "(and message-flagged when a word matched) and earns message points up to the group's daily cap.")
    @APIResponse(responseCode = "201", description = "Posted (status FLAGGED if it matched a FLAG word)",
            content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    @APIResponse(responseCode = "422", description = "Blocked by a sensitive word; the detail names the rule")
    public Response post(@PathParam("groupId") UUID groupId, @Valid @NotNull PostMessageRequest request) {
        PostedMessage posted = messages.post(groupId, caller.memberId(), request);
        if (posted.verdict().blocked()) {
            throw new ProblemException(422, "message-blocked", "Message blocked", "Blocked by "
                    + posted.verdict().blockingRules().stream().map(WordRule::describe).collect(Collectors.joining(", ")));
        }
        return Response.status(201).entity(posted.message()).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "The group's messages, newest first (members, operators); blocked messages are not listed")
    @APIResponse(responseCode = "200", description = "One page of messages")
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    public Page<MessageResponse> list(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return messages.list(groupId, page, caller);
    }
}
