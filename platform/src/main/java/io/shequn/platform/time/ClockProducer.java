package io.shequn.platform.time;

import io.quarkus.arc.DefaultBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Time comes from an injected clock, so tests can move it. It is the system clock unless
 * {@code shequn.clock.movable=true} (set only by {@code ./shequn up} for a local suite, never in
 * {@code deploy/}): then it is a {@link MovableClock} that operators move forward through
 * {@link ClockResource}. Each move is saved in the service's database ({@code platform_clock}),
 * so that a restarted service or another replica resumes the moved time instead of going back.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @ConfigProperty(name = "shequn.clock.movable", defaultValue = "false")
    boolean movable;

    @Inject
    EntityManager entityManager;

    private final MovableClock movableClock = new MovableClock(Clock.systemUTC());

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return movable ? movableClock : Clock.systemUTC();
    }

    /** The clock operators may move, when this service runs on one. */
    Optional<MovableClock> movableClock() {
        return movable ? Optional.of(movableClock) : Optional.empty();
    }

    void resume(@Observes StartupEvent event) {
        if (movable) {
            saved().ifPresent(movableClock::resume);
            LOG.warnf("shequn.clock.movable=true: operators may move this service's clock forward (PUT /ops/clock); it runs %s ahead. "
                    + "For local simulations only, never in production.", movableClock.offset());
        }
    }

    /** Saves the clock's offset after a move; replicas sharing the database keep the largest. */
    void save(MovableClock clock) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into platform_clock (id, offset_millis, moved_at) values (1, :offset, :at)
                        on conflict (id) do update set offset_millis = greatest(platform_clock.offset_millis, excluded.offset_millis),
                                                       moved_at = excluded.moved_at""")
                .setParameter("offset", clock.offset().toMillis()).setParameter("at", clock.instant()).executeUpdate());
    }

    /** The offset saved by the latest move of any replica, if the clock was ever moved. */
    Optional<Duration> saved() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("select offset_millis from platform_clock where id = 1").getResultList());
        return rows.stream().findFirst().map(offset -> Duration.ofMillis(((Number) offset).longValue()));
    }
}
