package io.shequn.member.health;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.ServiceStartupChecks;

@QuarkusTest
class ServiceHealthTest extends ServiceStartupChecks {
}
