package io.shequn.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shequn.deploy.fixtures.HelperPublisher;
import io.shequn.deploy.fixtures.JoinedListener;
import io.shequn.deploy.fixtures.UntraceablePublisher;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The checks of DeployManifestsTest can fail: each rule fires on an object that breaks it. */
class DeployChecksFailTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: member-service
            spec:
              selector:
                matchLabels: {app.kubernetes.io/name: member-service}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: member-service}
                spec:
                  automountServiceAccountToken: false
                  terminationGracePeriodSeconds: 60
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 185
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: service
                      image: registry.example.com/shequn/member-service:0.1.0
                      imagePullPolicy: IfNotPresent
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}
                      startupProbe: {httpGet: {path: /q/health/started, port: http}}
                      livenessProbe: {httpGet: {path: /q/health/live, port: http}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                      resources:
                        requests: {cpu: 250m, memory: 512Mi}
                        limits: {cpu: "1", memory: 768Mi}
                      volumeMounts:
                        - {name: tmp, mountPath: /tmp}
                  volumes:
                    - name: tmp
                      emptyDir: {}
            """;

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: member-joined
              labels: {strimzi.io/cluster: shequn}
            spec:
              topicName: member-joined
              partitions: 6
              replicas: 3
              config: {min.insync.replicas: 2}
            """;

    private static ObjectNode one(String yaml) {
        return Manifests.parse(yaml).get(0);
    }

    @Test
    void theSampleDeploymentPasses() {
        assertThat(CoreModel.violations(one(DEPLOYMENT))).isEmpty();
        assertThat(Checks.deployment(one(DEPLOYMENT))).isEmpty();
    }

    @Test
    void aMisspeltFieldOfADeploymentFailsEvenWhereTheModelKeepsUnknownFields() {
        ObjectNode deployment = one(DEPLOYMENT);
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("imagePullPolcy", container.remove("imagePullPolicy"));
        ((ObjectNode) deployment.path("spec")).put("replica", 2);
        assertThat(CoreModel.violations(deployment))
                .anyMatch(v -> v.contains("imagePullPolcy"))
                .anyMatch(v -> v.contains("replica"));
    }

    @Test
    void aMisspeltFieldDeepInsideAContainerFails() {
        ObjectNode deployment = one(DEPLOYMENT);
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/securityContext")).put("readOnlyRootFileSystem", true);
        assertThat(CoreModel.violations(deployment)).anyMatch(v -> v.contains("readOnlyRootFileSystem"));
    }

    @Test
    void aWrongTypeFails() {
        ObjectNode deployment = one(DEPLOYMENT);
        ((ObjectNode) deployment.path("spec")).put("replicas", "two");
        assertThat(CoreModel.violations(deployment)).anyMatch(v -> v.contains("does not bind"));
    }

    @Test
    void aDeploymentWithoutProbesResourcesOrHardeningFails() {
        ObjectNode deployment = one(DEPLOYMENT);
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.remove("readinessProbe");
        ((ObjectNode) container.path("resources")).remove("limits");
        ((ObjectNode) container.path("securityContext")).put("readOnlyRootFilesystem", false);
        ((ObjectNode) deployment.at("/spec/template/spec/securityContext")).put("runAsNonRoot", false);
        container.put("image", "registry.example.com/shequn/member-service:latest");
        ((ObjectNode) deployment.at("/spec/template/spec")).put("terminationGracePeriodSeconds", 10);
        assertThat(Checks.deployment(deployment))
                .anyMatch(v -> v.contains("no readinessProbe"))
                .anyMatch(v -> v.contains("resources.limits.memory"))
                .anyMatch(v -> v.contains("readOnlyRootFilesystem"))
                .anyMatch(v -> v.contains("runAsNonRoot"))
                .anyMatch(v -> v.contains("latest"))
                .anyMatch(v -> v.contains("terminationGracePeriodSeconds"));
        assertThat(Checks.image("x", "registry.example.com/shequn/member-service")).isNotEmpty();
        assertThat(Checks.image("x", "registry.example.com:5000/shequn/member-service")).isNotEmpty();
        assertThat(Checks.image("x", "registry.example.com/shequn/member-service@sha256:abc")).isEmpty();
    }

    @Test
    void aMisspeltFieldOfACustomResourceFailsAgainstItsCrd() {
        Optional<CrdSchemas> crds = Crds.schemas();
        assumeTrue(crds.isPresent(), Crds.SKIPPED);
        ObjectNode topic = one(TOPIC);
        assertThat(crds.get().violations(topic)).isEmpty();
        ObjectNode spec = (ObjectNode) topic.path("spec");
        spec.set("partiton", spec.remove("partitions"));
        assertThat(crds.get().violations(topic)).anyMatch(v -> v.contains("partiton"));

        ObjectNode misspeltMetadata = one(TOPIC);
        ((ObjectNode) misspeltMetadata.path("metadata")).put("label", "x");
        assertThat(crds.get().violations(misspeltMetadata)).anyMatch(v -> v.contains("label"));
    }

    @Test
    void aMisspeltFieldNestedInACustomResourceFails() {
        Optional<CrdSchemas> crds = Crds.schemas();
        assumeTrue(crds.isPresent(), Crds.SKIPPED);
        ObjectNode user = one("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata:
                  name: member-service
                  labels: {strimzi.io/cluster: shequn}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: member-registered, patternType: literal}
                        operations: [Write]
                """);
        assertThat(crds.get().violations(user)).isEmpty();
        ObjectNode rule = (ObjectNode) user.at("/spec/authorization/acls/0");
        rule.set("operation", rule.remove("operations"));
        ((ObjectNode) rule.path("resource")).put("pattern", "literal");
        assertThat(crds.get().violations(user)).anyMatch(v -> v.contains("operation")).anyMatch(v -> v.contains("pattern"));
    }

    @Test
    void theScanFindsListenersAndPublishesThroughHelpersAndLambdas() throws IOException {
        ServiceCode code = ServiceCode.scan("fixture-service", "fixture-service", List.of(node(JoinedListener.class), node(HelperPublisher.class)));
        assertThat(code.consumes()).containsExactly("member-joined");
        assertThat(code.publishes()).containsExactlyInAnyOrder("checked-in", "points-changed");
    }

    @Test
    void aContractTheScanCannotTraceFailsTheScan() {
        assertThatThrownBy(() -> ServiceCode.scan("fixture-service", "fixture-service", List.of(node(UntraceablePublisher.class))))
                .hasMessageContaining("UntraceablePublisher.publish")
                .hasMessageContaining("Events constant");
    }

    @Test
    void aListenerWithoutItsAclFails() {
        ServiceCode before = new ServiceCode("group-service", "group-service", Set.of("group-created"), Set.of("purchase"));
        ObjectNode user = kafkaUser("group-service", KafkaAcl.neededBy(before));
        assertThat(Checks.kafkaUsers(List.of(user, topic("group-created"), topic("purchase"), topic("purchase.dlq")), List.of(before)))
                .noneMatch(v -> v.contains("group-service"));

        ServiceCode withNewListener = new ServiceCode("group-service", "group-service", Set.of("group-created"), Set.of("purchase", "member-joined"));
        assertThat(Checks.kafkaUsers(List.of(user), List.of(withNewListener)))
                .anyMatch(v -> v.contains("missing: - resource: {type: topic, name: member-joined, patternType: literal} operations: [Read]")
                        && v.contains("missing: - resource: {type: topic, name: member-joined.dlq, patternType: literal} operations: [Write]"));
    }

    @Test
    void aMissingOrExtraAclFails() {
        ServiceCode code = new ServiceCode("member-service", "member-service", Set.of("member-registered", "member-erased"), Set.of());
        List<KafkaAcl> granted = new ArrayList<>(KafkaAcl.neededBy(code));
        granted.remove(KafkaAcl.topic("member-erased", "Write"));
        granted.add(KafkaAcl.topic("purchase", "Write"));
        assertThat(Checks.kafkaUsers(List.of(kafkaUser("member-service", granted)), List.of(code)))
                .anyMatch(v -> v.contains("missing: - resource: {type: topic, name: member-erased")
                        && v.contains("not needed: - resource: {type: topic, name: purchase"));
    }

    @Test
    void anOutsidePublisherMayWriteNothingElse() {
        List<KafkaAcl> granted = new ArrayList<>(KafkaAcl.outsidePublisher());
        granted.add(KafkaAcl.topic("member-registered", "Write"));
        List<ObjectNode> objects = List.of(kafkaUser("external-publisher", granted), kafkaUser("shequn-bridge", KafkaAcl.outsidePublisher()));
        assertThat(Checks.kafkaUsers(objects, List.of())).anyMatch(v -> v.contains("external-publisher") && v.contains("member-registered"));
    }

    @Test
    void aCatalogueTopicWithoutKafkaTopicFails() {
        assertThat(Checks.topics(List.of(one(TOPIC)), 3, 2))
                .anyMatch(v -> v.equals("catalogue topic member-joined.dlq has no KafkaTopic (deploy/base/kafka/topics.yaml)"))
                .anyMatch(v -> v.startsWith("catalogue topic purchase has no KafkaTopic"))
                .noneMatch(v -> v.startsWith("catalogue topic member-joined "));
        ObjectNode withoutTopicName = one(TOPIC);
        ((ObjectNode) withoutTopicName.path("spec")).remove("topicName");
        assertThat(Checks.topics(List.of(withoutTopicName), 3, 2)).contains("KafkaTopic/member-joined: no spec.topicName");
    }

    @Test
    void aServiceWithoutItsDatabaseNetworkPolicyOrCredentialsFails() {
        assumeTrue(Manifests.kubectl().isPresent(), "kubectl not found: the rendered manifests could not be mutated");
        String overlay = "deploy/overlays/production";
        ServiceCode member = Services.all().stream().filter(s -> s.service().equals("member-service")).findFirst().orElseThrow();
        assertThat(Checks.service(Manifests.render(overlay), member, true)).isEmpty();

        List<ObjectNode> withoutCluster = without(Manifests.render(overlay), "Cluster", "member-db");
        assertThat(Checks.service(withoutCluster, member, true)).contains("member-service: no CloudNativePG Cluster member-db");

        List<ObjectNode> verboseErrors = copy(Manifests.render(overlay));
        ObjectNode cluster = Manifests.find(verboseErrors, "Cluster", "member-db").orElseThrow();
        ((ObjectNode) cluster.at("/spec/postgresql/parameters")).put("log_error_verbosity", "default");
        assertThat(Checks.service(verboseErrors, member, true))
                .anyMatch(v -> v.startsWith("member-service: Cluster member-db must set log_error_verbosity: terse"));

        List<ObjectNode> withoutPolicy = without(Manifests.render(overlay), "NetworkPolicy", "member-service");
        assertThat(Checks.service(withoutPolicy, member, true)).contains("member-service: no NetworkPolicy selects its pods");

        List<ObjectNode> withoutBackups = without(Manifests.render(overlay), "ScheduledBackup", "member-db-daily");
        assertThat(Checks.service(withoutBackups, member, true)).anyMatch(v -> v.contains("no ScheduledBackup"));

        List<ObjectNode> literalPassword = copy(Manifests.render(overlay));
        ObjectNode deployment = Manifests.find(literalPassword, "Deployment", "member-service").orElseThrow();
        ArrayNode env = (ArrayNode) deployment.at("/spec/template/spec/containers/0/env");
        env.removeAll();
        env.addObject().put("name", "QUARKUS_DATASOURCE_PASSWORD").put("value", "member");
        assertThat(Checks.service(literalPassword, member, true))
                .anyMatch(v -> v.contains("literal value"))
                .anyMatch(v -> v.contains("must come from the owner role's Secret"))
                .anyMatch(v -> v.contains("KAFKA_SASL_JAAS_CONFIG"));

        List<ObjectNode> openEgress = copy(Manifests.render(overlay));
        ObjectNode policy = Manifests.find(openEgress, "NetworkPolicy", "member-service").orElseThrow();
        ((ArrayNode) policy.at("/spec/egress")).addObject().putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
        assertThat(Checks.service(openEgress, member, true)).anyMatch(v -> v.contains("egress to ipBlock 0.0.0.0/0"));
    }

    @Test
    void theConsumerGroupIsTheIncomingChannelsGroupOrTheApplicationName() {
        java.util.Properties channel = new java.util.Properties();
        channel.setProperty("mp.messaging.incoming.inbox.group.id", "analytics");
        assertThat(ServiceCode.consumerGroup("analytics-service", channel)).isEqualTo("analytics");
        assertThat(ServiceCode.consumerGroup("analytics-service", new java.util.Properties())).isEqualTo("analytics-service");
    }

    @Test
    void anIngressWithoutTlsOrPublishingMetricsFails() {
        ObjectNode ingress = one("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shequn}
                spec:
                  rules:
                    - host: member.shequn.example.com
                      http:
                        paths:
                          - {path: /q/metrics, pathType: Prefix, backend: {service: {name: member-service, port: {name: http}}}}
                """);
        ServiceCode member = new ServiceCode("member-service", "member-service", Set.of(), Set.of());
        ServiceCode group = new ServiceCode("group-service", "group-service", Set.of(), Set.of());
        assertThat(Checks.ingress(List.of(ingress), List.of(member, group)))
                .anyMatch(v -> v.contains("has no TLS"))
                .anyMatch(v -> v.contains("publishes /q/metrics"))
                .contains("group-service: no Ingress routes to it");
    }

    @Test
    void aCommittedSecretFails() {
        assertThat(Checks.noSecrets(List.of(one("apiVersion: v1\nkind: Secret\nmetadata: {name: member-db-owner}\nstringData: {password: x}\n"))))
                .isNotEmpty();
    }

    @Test
    void aMovableClockFails() {
        assertThat(Checks.noMovableClock(List.of(one("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: engagement-config}\ndata: {SHEQUN_CLOCK_MOVABLE: 'true'}\n"))))
                .isNotEmpty();
    }

    private static ObjectNode kafkaUser(String name, java.util.Collection<KafkaAcl> acls) {
        ObjectNode user = one("apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata: {name: " + name + "}\nspec: {authorization: {type: simple}}\n");
        ArrayNode rules = ((ObjectNode) user.at("/spec/authorization")).putArray("acls");
        for (KafkaAcl acl : acls) {
            ObjectNode rule = rules.addObject();
            rule.putObject("resource").put("type", acl.resourceType()).put("name", acl.name()).put("patternType", acl.patternType());
            rule.putArray("operations").add(acl.operation());
        }
        return user;
    }

    private static ObjectNode topic(String name) {
        return one(TOPIC.replace("member-joined", name));
    }

    private static List<ObjectNode> copy(List<ObjectNode> objects) {
        return objects.stream().map(ObjectNode::deepCopy).toList();
    }

    private static List<ObjectNode> without(List<ObjectNode> objects, String kind, String name) {
        return copy(objects).stream().filter(o -> !(Manifests.kind(o).equals(kind) && Manifests.name(o).equals(name))).toList();
    }

    private static ClassNode node(Class<?> type) {
        try {
            ClassNode node = new ClassNode();
            new ClassReader(Type.getInternalName(type)).accept(node, ClassReader.SKIP_FRAMES);
            return node;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
