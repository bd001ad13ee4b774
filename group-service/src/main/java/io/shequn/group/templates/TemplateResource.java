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

@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Group templates")
@SecurityRequirement(name = "SecurityScheme")
public class TemplateResource {

    @Inject
    TemplateService templates;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "Write a template from scratch", description = "POST /api/v1/groups with its templateId stamps a group from it.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    public Response create(@Valid @NotNull CreateTemplateRequest request) {
        TemplateResponse template = templates.create(request);
        return Response.created(URI.create("/api/v1/templates/" + template.id())).entity(template).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "Templates, most used first, with how often each was used")
    @APIResponse(responseCode = "200", description = "A page of templates")
    public Page<TemplateResponse> list(@BeanParam @Valid PageRequest page) {
        return templates.list(page);
    }

    @GET
    @Path("/{templateId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "A template")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    public TemplateResponse get(@PathParam("templateId") UUID templateId) {
        return templates.get(templateId);
    }
}
