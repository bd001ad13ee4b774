package io.shequn.group.moderation;

import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

import java.util.Map;
import java.util.UUID;

@Path("/api/v1/groups/{groupId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation", description = "Moderation strikes from flagged messages")
@SecurityRequirement(name = "SecurityScheme")
public class StrikeResource {

    @Inject
    ModerationService moderation;

    @GET
    @Path("/strikes")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Moderation strikes (owner, admins, operators), newest first",
            description = "One strike per message-flagged event. At the group's strikeLimit the member is removed "
                    + "automatically (member-left REMOVED). Uncleared strikes only unless includeCleared=true.")
    @APIResponse(responseCode = "200", description = "A page of strikes")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin")
    public Page<StrikeResponse> strikes(@PathParam("groupId") UUID groupId, @QueryParam("memberId") UUID memberId,
                                        @QueryParam("includeCleared") @DefaultValue("false") boolean includeCleared,
                                        @BeanParam @Valid PageRequest page) {
        return moderation.strikes(groupId, memberId, includeCleared, page);
    }

    @DELETE
    @Path("/members/{memberId}/strikes")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Clear a member's strikes (owner, admins, operators)", description = "Cleared strikes stop counting.")
    @APIResponse(responseCode = "200", description = "{\"cleared\": n}")
    public Map<String, Integer> clear(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId) {
        return Map.of("cleared", moderation.clear(groupId, memberId));
    }
}
