package io.shequn.systemtests;

import io.shequn.localstack.simulator.GroundTruth;
import io.shequn.localstack.simulator.Simulation;
import io.shequn.localstack.simulator.SimulationOptions;
import io.shequn.localstack.simulator.SuiteEndpoints;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the simulator against the packaged suite. A small run (every admission mode and fate,
 * an advertiser removed by moderation, red packets, lotteries, activities, bridge messages and
 * shop purchases) agrees with what analytics-service and group-service answer, and a second run
 * with the same seed, on later days of the same suite, does the same things and gets the same
 * analytics answers. It moves the suite's clock, so it runs after the journeys that read the real day.
 */
@Order(SystemTest.MOVES_THE_CLOCK + 10)
class SimulationIT extends SystemTest {

    @Test
    void aSmallSimulationAgreesWithTheServicesAndTheSameSeedGivesTheSameFigures() {
        SuiteEndpoints endpoints = suite().endpoints();
        SimulationOptions options = SimulationOptions.small(42, System.out);

        GroundTruth first = Simulation.run(options, endpoints);
        assertThat(first.verify(endpoints, Duration.ofSeconds(60))).isEmpty();
        assertThat(first.totals().advertisersRemoved()).isPositive();
        assertThat(first.groups()).allSatisfy(group -> assertThat(group.members()).isPositive());
        String analytics = first.analyticsFigures(endpoints);

        GroundTruth second = Simulation.run(options, endpoints);
        assertThat(second.from()).isAfter(first.to());
        assertThat(second.verify(endpoints, Duration.ofSeconds(60))).isEmpty();
        assertThat(second.figures()).isEqualTo(first.figures());
        assertThat(second.analyticsFigures(endpoints)).isEqualTo(analytics);
    }
}
