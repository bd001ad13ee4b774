package io.shequn.platform.time;

import io.shequn.platform.auth.Roles;
import io.shequn.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/**
 * The operators' handle on a {@link MovableClock}: {@code GET /ops/clock} reads it, {@code PUT}
 * with {@code {"now": "..."}} moves it forward to that instant. Not part of the API (hidden from
 * the OpenAPI document and the generated clients), and absent (404) unless
 * {@code shequn.clock.movable=true}. A move fires {@link ClockMoved}, for work that is due when
 * time passes (analytics' health sweep). A read first takes up a later move saved by another
 * replica on the same database.
 */
@Path("/ops/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    /** Where a clock stands: its reading and how many seconds it runs ahead of the system clock. */
    public record ClockState(Instant now, long offsetSeconds) {
    }

    public record MoveClockRequest(@NotNull Instant now) {
    }

    /** The clock was moved forward from {@code from} to {@code to}. */
    public record ClockMoved(Instant from, Instant to) {
    }

    @Inject
    ClockProducer clocks;

    @Inject
    Event<ClockMoved> moved;

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(hidden = true)
    public ClockState read() {
        MovableClock clock = clock();
        clocks.saved().ifPresent(clock::resume);
        return state(clock);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(hidden = true)
    public ClockState move(@Valid @NotNull MoveClockRequest request) {
        MovableClock clock = clock();
        Instant from = clock.instant();
        clock.moveTo(request.now()).ifPresent(current -> {
            throw new ProblemException(409, "clock-cannot-go-back", "Clock cannot go back",
                    "now: " + request.now() + " lies before this service's current time " + current + "; its clock only moves forward");
        });
        clocks.save(clock);
        moved.fireAsync(new ClockMoved(from, request.now()));
        return state(clock);
    }

    private MovableClock clock() {
        return clocks.movableClock().orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                "This service's clock cannot be moved (shequn.clock.movable is not set)"));
    }

    private static ClockState state(MovableClock clock) {
        return new ClockState(clock.instant(), clock.offset().toSeconds());
    }
}
