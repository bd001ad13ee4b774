package io.shequn.localstack.simulator;

import io.shequn.localstack.DevKeys;
import io.shequn.localstack.DevTokens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a running suite answers: the four services' base URLs, the Kafka bootstrap outside
 * publishers use, the key its services trust (tokens are signed with it), and any further
 * instances (replicas) whose clocks a simulation must move along with the four.
 */
public record SuiteEndpoints(String memberUrl, String groupUrl, String engagementUrl, String analyticsUrl,
                             String kafkaBootstrap, DevTokens tokens, List<String> replicaUrls) {

    public SuiteEndpoints {
        replicaUrls = List.copyOf(replicaUrls);
    }

    /** A suite on localhost with these ports, trusting the development key in {@code dataDir/keys} (what {@code ./shequn up} starts). */
    public static SuiteEndpoints localhost(int member, int group, int engagement, int analytics, int kafka, Path dataDir) {
        return new SuiteEndpoints("http://localhost:" + member, "http://localhost:" + group, "http://localhost:" + engagement,
                "http://localhost:" + analytics, "localhost:" + kafka, new DevTokens(DevKeys.in(dataDir.resolve("keys"))), List.of());
    }

    /** The same suite with more instances of its services (base URLs), whose clocks move with the others'. */
    public SuiteEndpoints withReplicas(String... urls) {
        List<String> all = new ArrayList<>(replicaUrls);
        all.addAll(List.of(urls));
        return new SuiteEndpoints(memberUrl, groupUrl, engagementUrl, analyticsUrl, kafkaBootstrap, tokens, all);
    }

    /** The four services' base URLs, in the order member, group, engagement, analytics. */
    public List<String> services() {
        return List.of(memberUrl, groupUrl, engagementUrl, analyticsUrl);
    }

    /** Every instance whose clock a simulation moves: the four services and their replicas. */
    public List<String> clocks() {
        List<String> all = new ArrayList<>(services());
        all.addAll(replicaUrls);
        return all;
    }
}
