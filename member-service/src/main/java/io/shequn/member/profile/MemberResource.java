package io.shequn.member.profile;

import io.shequn.member.search.MemberSearch;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Profiles, privacy and erasure")
@SecurityRequirement(name = "SecurityScheme")
public class MemberResource {

    @Inject
    MemberService members;

    @Inject
    MemberSearch search;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a member (operator)",
            description = "Creates a profile with a new id and a personal invite code; an inviteCode sets invitedBy. Publishes member-registered.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "422", description = "Unknown invite code")
    public Response register(@Valid @NotNull MemberProfileRequest request, @Context UriInfo uri) {
        MemberResponse member = members.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(member.id().toString()).build()).entity(member).build();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "A page of members")
    @Operation(summary = "Search members (operator)",
            description = "Filters combine: tag (exact, case-insensitive), region, occupation (exact, case-insensitive), q (part of the name or bio). Newest first; erased members are not listed.")
    public Page<MemberResponse> search(
            @Parameter(example = "hiking") @QueryParam("tag") @Size(max = 32) String tag,
            @Parameter(example = "Hangzhou") @QueryParam("region") @Size(max = 64) String region,
            @Parameter(example = "designer") @QueryParam("occupation") @Size(max = 64) String occupation,
            @Parameter(example = "Li") @QueryParam("q") @Size(max = 64) String q,
            @BeanParam @Valid PageRequest page) {
        return search.find(new MemberSearch.Criteria(tag, region, occupation, q), page);
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "The caller's own profile")
    @APIResponse(responseCode = "200", description = "The profile, in full",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "404", description = "The caller has no profile yet")
    public MemberResponse me() {
        return members.get(caller.memberId(), caller);
    }

    @PUT
    @Path("/me")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "Create or update the caller's own profile",
            description = "The id is the token's subject. Creating publishes member-registered, changing publishes member-updated. "
                    + "An inviteCode counts on creation, or once later for a member without an inviter; it may not be the member's own "
                    + "code or the code of someone the member invited (directly or indirectly).")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "409", description = "The member was erased, or already has another inviter")
    @APIResponse(responseCode = "422", description = "Unknown invite code, self-invitation or referral cycle")
    public Response saveMe(@Valid @NotNull MemberProfileRequest request, @Context UriInfo uri) {
        MemberService.Saved saved = members.saveOwn(caller.memberId(), request);
        if (saved.created()) {
            return Response.created(uri.getBaseUriBuilder().path("api/v1/members").path(saved.member().id().toString()).build())
                    .entity(saved.member()).build();
        }
        return Response.ok(saved.member()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "A member's profile",
            description = "The member and operators see everything; other members see the public profile with phone and email masked. "
                    + "An erased member is a tombstone with erased=true.")
    @APIResponse(responseCode = "200", description = "The member",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "404", description = "No such member")
    public MemberResponse get(@PathParam("id") UUID id) {
        return members.get(id, caller);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.SELF, pathParameter = "id")
    @Operation(summary = "Update a profile (the member or an operator)", description = "Publishes member-updated when something changed.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "403", description = "Another member's profile")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "The member was erased, or already has another inviter")
    public MemberResponse update(@PathParam("id") UUID id, @Valid @NotNull MemberProfileRequest request) {
        return members.update(id, request, caller);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(value = Audience.SELF, pathParameter = "id")
    @Operation(summary = "Erase a member's personal data (the member or an operator)",
            description = "Keeps an anonymous tombstone so the id stays valid; publishes member-erased. Erasing twice is harmless.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "403", description = "Another member's profile")
    @APIResponse(responseCode = "404", description = "No such member")
    public void erase(@PathParam("id") UUID id) {
        members.erase(id, caller);
    }
}
