package io.shequn.analytics;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link FiveWeekScenarioTests}, every figure, from the same five weeks consumed one topic after
 * another in a random order (logged with its seed; {@code -Dscenario.seed} replays one): the
 * answers may not depend on the order in which analytics-service reads its topics.
 */
@QuarkusTest
class FiveWeekShuffledScenarioTest extends FiveWeekScenarioTests {

    private static final FiveWeekGroup SHUFFLED = new FiveWeekGroup(true);

    @Override
    FiveWeekGroup history() {
        return SHUFFLED;
    }
}
