package io.shequn.member;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.BadInputChecks;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;
import java.util.UUID;

/** The bad-input catalogue against every operation of member-service, as an operator with a profile. */
@QuarkusTest
class BadInputTest extends BadInputChecks {

    private final UUID operator = UUID.randomUUID();
    private String token;

    @BeforeEach
    void operatorWithAProfile() {
        token = LocalStack.shared().tokens().operator(operator);
        MemberApi.createOwn(operator, Map.of("displayName", "Walker"));
    }

    @Override
    protected String token() {
        return token;
    }

    @Override
    protected Map<String, String> ids() {
        return Map.of("id", operator.toString(), "memberId", operator.toString());
    }
}
