package io.shequn.analytics.members;

import io.shequn.analytics.groups.DayWindow;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/analytics/members/{memberId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Member analytics", description = "One member's groups, activity and purchases")
@SecurityRequirement(name = "SecurityScheme")
public class MemberAnalyticsResource {

    @Inject
    MemberAnalytics members;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.SELF)
    @Operation(summary = "One member's groups, activity, purchases and referred revenue (operator, or the member)")
    @APIResponse(responseCode = "200", description = "The member's figures")
    @APIResponse(responseCode = "403", description = "Another member")
    @APIResponse(responseCode = "404", description = "No event about the member was seen")
    public MemberAnalytics.MemberView member(@PathParam("memberId") UUID member) {
        return members.member(member);
    }

    @GET
    @Path("/activity")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.SELF)
    @Operation(summary = "One member's active groups and messages per day (operator, or the member)", description = "At most 366 days.")
    @APIResponse(responseCode = "200", description = "The member's activity")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Another member")
    public MemberAnalytics.Activity activity(@PathParam("memberId") UUID member,
                                             @Parameter(example = "2026-09-25") @QueryParam("from") LocalDate from,
                                             @Parameter(example = "2026-11-23") @QueryParam("to") LocalDate to) {
        return members.activity(member, DayWindow.of(from, to));
    }

    @GET
    @Path("/purchases")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.SELF)
    @Operation(summary = "One member's purchases, newest first, with the group each is credited to (operator, or the member)")
    @APIResponse(responseCode = "200", description = "A page of the member's purchases")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Another member")
    public Page<MemberAnalytics.Purchase> purchases(@PathParam("memberId") UUID member, @BeanParam @Valid PageRequest page) {
        return members.purchases(member, page);
    }
}
