package io.shequn.member;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.shequn.localstack.LocalStackResource;

/** Every test of this service runs against the JVM's shared real Kafka and PostgreSQL. */
@QuarkusTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "service", value = "member"))
public class LocalStackTestResource {
}
