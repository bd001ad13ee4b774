package io.shequn.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The system clock plus an offset that may only grow, so that a simulation can play days of
 * community life in minutes ({@code ./shequn simulate}). Every reading, including those of its
 * {@link #withZone zoned views}, follows a move at once, and the time it reads never runs
 * backwards: a move to an instant before the current reading is refused.
 */
public final class MovableClock extends Clock {

    private final Clock system;
    private final ZoneId zone;
    private final MovableClock root;
    private volatile Duration offset = Duration.ZERO;

    public MovableClock(Clock system) {
        this(system, ZoneOffset.UTC, null);
    }

    private MovableClock(Clock system, ZoneId zone, MovableClock root) {
        this.system = system;
        this.zone = zone;
        this.root = root;
    }

    /**
     * From now on the clock reads {@code target} and runs on from there.
     *
     * @return empty when moved; otherwise the current reading, which {@code target} lies before
     */
    public synchronized Optional<Instant> moveTo(Instant target) {
        if (root != null) {
            return root.moveTo(target);
        }
        Instant real = system.instant();
        Instant current = real.plus(offset);
        if (target.isBefore(current)) {
            return Optional.of(current);
        }
        offset = Duration.between(real, target);
        return Optional.empty();
    }

    /** Runs at least {@code ahead} ahead of the system clock (a move saved before a restart); never back. */
    public synchronized void resume(Duration ahead) {
        if (root != null) {
            root.resume(ahead);
        } else if (ahead.compareTo(offset) > 0) {
            offset = ahead;
        }
    }

    /** How far ahead of the system clock this clock runs. */
    public Duration offset() {
        return root != null ? root.offset() : offset;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new MovableClock(system, zone, root != null ? root : this);
    }
}
