package io.shequn.group.templates;

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

import java.net.URI;
import java.util.UUID;

/** Saves a group's setup as a template. */
@Path("/api/v1/groups/{groupId}/template")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Group templates")
@SecurityRequirement(name = "SecurityScheme")
public class GroupTemplateResource {

    @Inject
    TemplateService templates;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Save a group's setup as a template (owner, admins, operators)",
            description = "Type, purpose, rules, capacity, time zone, admission policy, strike limit, role titles, welcome message.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin")
    public Response saveFromGroup(@PathParam("groupId") UUID groupId, @Valid @NotNull SaveAsTemplateRequest request) {
        TemplateResponse template = templates.saveFromGroup(groupId, request);
        return Response.created(URI.create("/api/v1/templates/" + template.id())).entity(template).build();
    }
}
