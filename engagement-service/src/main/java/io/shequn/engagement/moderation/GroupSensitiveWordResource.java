package io.shequn.engagement.moderation;

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
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/groups/{groupId}/sensitive-words")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sensitive words", description = "Global and per-group sensitive-word lists")
@SecurityRequirement(name = "SecurityScheme")
public class GroupSensitiveWordResource {

    @Inject
    SensitiveWordService words;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Add words to the group list (the owner, admins, operators)",
            description = "Up to 10,000 words a request, each FLAG (message kept, message-flagged published) or BLOCK "
                    + "(message rejected). Matching ignores case, full-width forms, spaces and punctuation.")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = SensitiveWordsAdded.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to manage this list")
    public SensitiveWordsAdded add(@PathParam("groupId") UUID groupId, @Valid @NotNull SensitiveWordRequest request) {
        return words.add(groupId, request, caller);
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "The group list (the owner, admins, operators)")
    @APIResponse(responseCode = "200", description = "One page of words")
    public Page<SensitiveWordResponse> list(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return words.list(groupId, page, caller);
    }

    @DELETE
    @Path("/{wordId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Remove a word from the group list (the owner, admins, operators)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such word in this list")
    public void remove(@PathParam("groupId") UUID groupId, @PathParam("wordId") UUID wordId) {
        words.remove(groupId, wordId, caller);
    }
}
