package io.shequn.analytics;

import io.quarkus.test.junit.QuarkusTest;

/** {@link FiveWeekScenarioTests} with the five weeks published as they happened, topics interleaved. */
@QuarkusTest
class FiveWeekScenarioTest extends FiveWeekScenarioTests {

    private static final FiveWeekGroup IN_ORDER = new FiveWeekGroup();

    @Override
    FiveWeekGroup history() {
        return IN_ORDER;
    }
}
