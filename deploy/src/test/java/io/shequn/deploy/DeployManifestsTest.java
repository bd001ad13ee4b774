package io.shequn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders every overlay that docs/deploy.md renders, with a real {@code kubectl kustomize}, and
 * checks the objects: against the Kubernetes API model and the operators' CRD schemas, the
 * hardening every Deployment needs, and the Kafka topics and ACLs against what each service's
 * code publishes and consumes.
 */
class DeployManifestsTest {

    /** What each overlay must look like where they differ: Kafka's shape and whether backups run. */
    record Shape(int controllers, int brokers, int replication, int minInSync, boolean backups) {
    }

    static final Map<String, Shape> SHAPES = Map.of(
            "deploy/overlays/local", new Shape(1, 1, 1, 1, false),
            "deploy/overlays/production", new Shape(3, 3, 3, 2, true));

    @BeforeAll
    static void kubectl() {
        boolean present = Manifests.kubectl().isPresent();
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("kubectl is required in CI (.ci/run installs it)");
        }
        assumeTrue(present, "kubectl not found (PATH, $KUBECTL or -Dshequn.kubectl): the manifests were not rendered or checked; docs/deploy.md says how to get it");
    }

    static List<String> overlays() {
        return Manifests.overlaysInDocs();
    }

    static List<ServiceCode> services() {
        return Services.all();
    }

    @Test
    void docsRenderEveryOverlayAndNoOther() {
        assertThat(Manifests.overlaysInDocs()).isEqualTo(Manifests.overlayFolders());
        assertThat(SHAPES.keySet()).containsExactlyInAnyOrderElementsOf(Manifests.overlayFolders());
    }

    @Test
    void docsApplyTheOverlaysTheyRender() throws IOException {
        String docs = Files.readString(Manifests.root().resolve("docs/deploy.md"));
        Matcher apply = Pattern.compile("kubectl apply (?:--server-side )?-k (deploy/overlays/[a-z0-9-]+)").matcher(docs);
        List<String> applied = new ArrayList<>();
        while (apply.find()) {
            applied.add(apply.group(1));
        }
        assertThat(applied).isNotEmpty().allMatch(overlays()::contains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void coreObjectsMatchTheKubernetesApi(String overlay) {
        List<ObjectNode> core = Manifests.render(overlay).stream().filter(o -> CoreModel.modelOf(o).isPresent()).toList();
        assertThat(core).isNotEmpty();
        assertThat(Checks.schemas(core, Optional.empty())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void customResourcesMatchTheOperatorsSchemas(String overlay) {
        Optional<CrdSchemas> crds = Crds.schemas();
        assumeTrue(crds.isPresent(), Crds.SKIPPED);
        assertThat(Checks.schemas(Manifests.render(overlay), crds)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void deploymentsAreHardened(String overlay) {
        List<ObjectNode> deployments = Manifests.ofKind(Manifests.render(overlay), "Deployment");
        assertThat(deployments).hasSize(services().size());
        deployments.forEach(deployment -> assertThat(Checks.deployment(deployment)).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyCatalogueTopicAndDeadLetterTopicHasAKafkaTopic(String overlay) {
        Shape shape = SHAPES.get(overlay);
        assertThat(Checks.topics(Manifests.render(overlay), shape.replication(), shape.minInSync())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaUsersGrantExactlyWhatTheCodeDoes(String overlay) {
        assertThat(Checks.kafkaUsers(Manifests.render(overlay), services())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaIsKraftWithTheOverlaysReplication(String overlay) {
        Shape shape = SHAPES.get(overlay);
        List<ObjectNode> objects = Manifests.render(overlay);
        assertThat(Checks.kafkaNodes(objects, shape.controllers(), shape.brokers())).isEmpty();
        JsonNode kafka = Manifests.find(objects, "Kafka", "shequn").orElseThrow().path("spec").path("kafka");
        assertThat(kafka.path("config").path("default.replication.factor").asInt()).isEqualTo(shape.replication());
        assertThat(kafka.path("config").path("min.insync.replicas").asInt()).isEqualTo(shape.minInSync());
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        kafka.path("listeners").forEach(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("listener %s uses TLS", listener.path("name")).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).as("listener %s authenticates", listener.path("name")).isNotEmpty();
        });
        assertThat(Manifests.ofKind(objects, "KafkaBridge")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceHasItsDatabaseCredentialsPoliciesAndMonitoring(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        List<String> violations = new ArrayList<>();
        services().forEach(code -> violations.addAll(Checks.service(objects, code, SHAPES.get(overlay).backups())));
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void imagesArePinnedNoSecretIsCommittedAndNoClockIsMovable(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        assertThat(Checks.images(objects, services(), System.getProperty("shequn.version"))).isEmpty();
        assertThat(Checks.noSecrets(objects)).isEmpty();
        assertThat(Checks.noMovableClock(objects)).isEmpty();
    }

    @Test
    void productionPublishesEveryServiceOverTls() {
        assertThat(Checks.ingress(Manifests.render("deploy/overlays/production"), services())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void alertsAndDashboardShip(String overlay) throws IOException {
        List<ObjectNode> objects = Manifests.render(overlay);
        List<String> alerts = new ArrayList<>();
        Manifests.ofKind(objects, "PrometheusRule").forEach(rule -> rule.path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(r -> alerts.add(r.path("alert").asText()))));
        assertThat(alerts).contains("ShequnServiceNotReady", "ShequnHttp5xxRate", "ShequnDeadLetters", "ShequnConsumerLag",
                "ShequnOutboxBacklog", "ShequnPostgresDown", "ShequnKafkaBrokerDown");
        ObjectNode dashboard = Manifests.ofKind(objects, "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("labels").path("grafana_dashboard").asText().equals("1"))
                .findFirst().orElseThrow();
        JsonNode json = Manifests.YAML.readTree(dashboard.path("data").path("shequn.json").asText());
        assertThat(json.path("panels").size()).isGreaterThan(5);
    }
}
