package io.shequn.engagement.activities;

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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/groups/{groupId}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "Activities (活动): talks, discussions, flash sales and meetups, with the numbered sign-up chain (接龙), a first-come waitlist and attendance")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a member of the group (or, to manage it, not its owner, an admin or an operator)")
public class ActivityResource {

    @Inject
    ActivityService activities;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(operationId = "scheduleActivity", summary = "Schedule an activity (owner, admins, operators)",
            description = "An expert talk, topic discussion, flash sale or offline meetup (with a location), hosted by a member. "
                    + "Publishes activity-scheduled (version 1). The response carries the attendance code for the host to read out.")
    @APIResponse(responseCode = "201", description = "Scheduled", content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid activity: unknown type, times out of order, a meetup without a location")
    @APIResponse(responseCode = "422", description = "host-not-a-member")
    public Response create(@PathParam("groupId") UUID groupId, @Valid @NotNull CreateActivityRequest request) {
        return Response.status(201).entity(activities.create(groupId, request, caller)).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "listActivities", summary = "The group's upcoming (soonest first) or past (latest first) activities (members, operators)")
    @APIResponse(responseCode = "200", description = "One page of activities")
    @APIResponse(responseCode = "400", description = "Invalid when, page or size")
    public Page<ActivityResponse> list(@PathParam("groupId") UUID groupId,
                                       @Parameter(description = "UPCOMING: not ended yet; PAST: ended") @QueryParam("when")
                                       @DefaultValue("UPCOMING") ActivityService.When when,
                                       @BeanParam @Valid PageRequest page) {
        return activities.list(groupId, when, page, caller);
    }

    @GET
    @Path("/{activityId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "getActivity", summary = "An activity with its places taken, waitlist and the caller's sign-up (members, operators)")
    @APIResponse(responseCode = "200", description = "The activity", content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "404", description = "No such activity in this group")
    public ActivityResponse get(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId) {
        return activities.get(groupId, activityId, caller);
    }

    @PATCH
    @Path("/{activityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(operationId = "changeActivity", summary = "Change an activity that has not ended (owner, admins, operators)",
            description = "Fields left out stay. A larger capacity promotes from the waitlist at once. Publishes activity-scheduled with the next version.")
    @APIResponse(responseCode = "200", description = "The activity now", content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid change")
    @APIResponse(responseCode = "404", description = "No such activity in this group")
    @APIResponse(responseCode = "409", description = "activity-cancelled, activity-ended or capacity-below-sign-ups")
    @APIResponse(responseCode = "422", description = "host-not-a-member")
    public ActivityResponse update(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId,
                                   @Valid @NotNull UpdateActivityRequest request) {
        return activities.update(groupId, activityId, request, caller);
    }

    @POST
    @Path("/{activityId}/cancel")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(operationId = "cancelActivity", summary = "Call an activity off (owner, admins, operators)",
            description = "Publishes activity-scheduled with status CANCELLED. Cancelling again changes nothing.")
    @APIResponse(responseCode = "200", description = "The cancelled activity", content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "404", description = "No such activity in this group")
    @APIResponse(responseCode = "409", description = "activity-ended")
    public ActivityResponse cancel(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId) {
        return activities.cancel(groupId, activityId, caller);
    }

    @POST
    @Path("/{activityId}/sign-ups")
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "signUpForActivity", summary = "Join the sign-up chain (接龙) (current members)",
            description = "A numbered place while there is one, else the first-come waitlist. Signing up again answers with the sign-up.")
    @APIResponse(responseCode = "201", description = "Signed up or waitlisted", content = @Content(schema = @Schema(implementation = SignUpResponse.class)))
    @APIResponse(responseCode = "200", description = "Signed up before: the same sign-up", content = @Content(schema = @Schema(implementation = SignUpResponse.class)))
    @APIResponse(responseCode = "404", description = "No such activity in this group")
    @APIResponse(responseCode = "409", description = "sign-up-closed or activity-cancelled")
    public Response signUp(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId) {
        SignedUp signedUp = activities.signUp(groupId, activityId, caller.memberId());
        return Response.status(signedUp.created() ? 201 : 200).entity(signedUp.signUp()).build();
    }

    @DELETE
    @Path("/{activityId}/sign-ups/me")
    @RolesAllowed(Roles.MEMBER)
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "cancelSignUp", summary = "Leave the sign-up chain before the start (current members)",
            description = "A place freed goes at once to the head of the waitlist. Cancelling again changes nothing.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such activity, or not signed up")
    @APIResponse(responseCode = "409", description = "activity-started")
    public void cancelSignUp(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId) {
        activities.cancelSignUp(groupId, activityId, caller.memberId());
    }

    @GET
    @Path("/{activityId}/sign-ups")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "listSignUps", summary = "The sign-up chain: places numbered in sign-up order, then the waitlist (members, operators)")
    @APIResponse(responseCode = "200", description = "One page of the chain")
    @APIResponse(responseCode = "400", description = "Invalid page or size")
    @APIResponse(responseCode = "404", description = "No such activity in this group")
    public Page<SignUpResponse> signUps(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId,
                                        @BeanParam @Valid PageRequest page) {
        return activities.signUps(groupId, activityId, page, caller);
    }

    @POST
    @Path("/{activityId}/attendances")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "markAttendance", summary = "Mark attendance: a member with the code, or a manager for a member",
            description = "With code: the caller, from 15 minutes before the start until the end. With memberId: the group's owner, admins or "
                    + "an operator, from 15 minutes before the start on. Once per member; awards the group's activityAttendancePoints "
                    + "(ACTIVITY_ATTENDANCE) and publishes activity-attended.")
    @APIResponse(responseCode = "201", description = "Attended", content = @Content(schema = @Schema(implementation = AttendanceResponse.class)))
    @APIResponse(responseCode = "200", description = "Marked before: the same attendance",
            content = @Content(schema = @Schema(implementation = AttendanceResponse.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of code and memberId")
    @APIResponse(responseCode = "404", description = "No such activity in this group")
    @APIResponse(responseCode = "409", description = "activity-cancelled")
    @APIResponse(responseCode = "422", description = "outside-attendance-window, wrong-attendance-code or attendee-not-a-member")
    @APIResponse(responseCode = "429", description = "too-many-attendance-code-guesses: 5 wrong codes within 15 minutes; Retry-After says when to try again")
    public Response attend(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId,
                           @Valid @NotNull AttendRequest request) {
        Attended attended = activities.attend(groupId, activityId, request, caller);
        return Response.status(attended.created() ? 201 : 200).entity(attended.attendance()).build();
    }

    @GET
    @Path("/{activityId}/no-shows")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(operationId = "listNoShows", summary = "After the end: members signed up who never attended (owner, admins, the host, operators)")
    @APIResponse(responseCode = "200", description = "One page of no-shows, in chain order")
    @APIResponse(responseCode = "400", description = "Invalid page or size")
    @APIResponse(responseCode = "404", description = "No such activity in this group")
    @APIResponse(responseCode = "409", description = "activity-not-ended")
    public Page<SignUpResponse> noShows(@PathParam("groupId") UUID groupId, @PathParam("activityId") UUID activityId,
                                        @BeanParam @Valid PageRequest page) {
        return activities.noShows(groupId, activityId, page, caller);
    }
}
