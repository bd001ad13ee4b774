package io.shequn.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The test resource of every service: points the service under test at the JVM's shared
 * {@link LocalStack}, in a database of its own. Init arg {@code service}: the database name.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null) {
            throw new IllegalArgumentException("LocalStackResource needs the init arg 'service'");
        }
    }

    @Override
    public Map<String, String> start() {
        return LocalStack.shared().serviceConfig(service);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; a shutdown hook stops it.
    }
}
