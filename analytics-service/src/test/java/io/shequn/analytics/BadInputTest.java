package io.shequn.analytics;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.BadInputChecks;
import io.shequn.localstack.LocalStack;

import java.util.Map;
import java.util.UUID;

/** The bad-input catalogue against every operation of analytics-service, as an operator. */
@QuarkusTest
class BadInputTest extends BadInputChecks {

    private final UUID operator = UUID.randomUUID();
    private final String token = LocalStack.shared().tokens().operator(operator);

    @Override
    protected String token() {
        return token;
    }

    @Override
    protected Map<String, String> ids() {
        return Map.of("memberId", operator.toString());
    }
}
