package io.shequn.deploy;

import java.util.Optional;

/** The operators' schemas, loaded once, when ../shared/crds is beside the checkout. */
final class Crds {

    static final String SKIPPED = "../shared/crds is not beside this checkout: custom resources were NOT checked against the "
            + "Strimzi, CloudNativePG, Barman Cloud and Prometheus Operator schemas (CI always has them)";
    private static Optional<CrdSchemas> schemas;

    private Crds() {
    }

    static synchronized Optional<CrdSchemas> schemas() {
        if (schemas == null) {
            schemas = Manifests.crds().map(CrdSchemas::load);
            if (schemas.isEmpty()) {
                System.err.println("SKIPPED: " + SKIPPED);
            }
        }
        return schemas;
    }
}
