package io.shequn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the rendered manifests must follow. Each returns what it finds wrong, one line per
 * defect, so that a test asserts the list is empty and a negative test can show a rule fire.
 */
final class Checks {

    /** The platform's shutdown waits up to 20 s for the inbox and 20 s + 5 s for the outbox relay; 5 s of preStop come first. */
    static final int MIN_GRACE_SECONDS = 50;
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw(?::\\d+)?/([a-z0-9_]+)(\\?.*)?");

    private Checks() {
    }

    /** Core objects bind to the Kubernetes API model without unknown fields; custom resources match their CRD. */
    static List<String> schemas(List<ObjectNode> objects, Optional<CrdSchemas> crds) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode object : objects) {
            if (CoreModel.modelOf(object).isPresent()) {
                violations.addAll(CoreModel.violations(object));
            } else if (crds.isPresent()) {
                if (crds.get().covers(object)) {
                    violations.addAll(crds.get().violations(object));
                } else {
                    violations.add(Manifests.id(object) + ": " + object.path("apiVersion").asText()
                            + " is neither a core kind the test knows (CoreModel.KINDS) nor in ../shared/crds");
                }
            }
        }
        return violations;
    }

    /** Probes, resources, a non-root read-only container, a pinned image, no token, a grace period for the last batch. */
    static List<String> deployment(ObjectNode deployment) {
        List<String> violations = new ArrayList<>();
        String id = Manifests.id(deployment);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            violations.add(id + ": automountServiceAccountToken must be false");
        }
        if (pod.path("terminationGracePeriodSeconds").asInt(30) < MIN_GRACE_SECONDS) {
            violations.add(id + ": terminationGracePeriodSeconds below " + MIN_GRACE_SECONDS + " cuts off the in-flight Kafka batch and outbox send");
        }
        JsonNode podSecurity = pod.path("securityContext");
        Map<String, JsonNode> volumes = new java.util.HashMap<>();
        pod.path("volumes").forEach(volume -> volumes.put(volume.path("name").asText(), volume));
        for (JsonNode container : pod.path("containers")) {
            String where = id + " container " + container.path("name").asText();
            violations.addAll(image(where, container.path("image").asText()));
            probe(where, container, "startupProbe", "/q/health/started", violations);
            probe(where, container, "livenessProbe", "/q/health/live", violations);
            probe(where, container, "readinessProbe", "/q/health/ready", violations);
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container.path("resources").path(kind).path(resource).asText().isEmpty()) {
                        violations.add(where + ": no resources." + kind + "." + resource);
                    }
                }
            }
            JsonNode security = container.path("securityContext");
            if (!security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                violations.add(where + ": runAsNonRoot must be true");
            }
            if (security.path("runAsUser").asInt(podSecurity.path("runAsUser").asInt(-1)) == 0) {
                violations.add(where + ": runs as root (runAsUser 0)");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(where + ": readOnlyRootFilesystem must be true");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(where + ": allowPrivilegeEscalation must be false");
            }
            if (security.path("privileged").asBoolean(false)) {
                violations.add(where + ": must not be privileged");
            }
            if (!textValues(security.path("capabilities").path("drop")).contains("ALL")) {
                violations.add(where + ": capabilities must drop ALL");
            }
            String seccomp = security.path("seccompProfile").path("type").asText(podSecurity.path("seccompProfile").path("type").asText());
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                violations.add(where + ": seccompProfile must be RuntimeDefault");
            }
            boolean tmpWritable = false;
            for (JsonNode mount : container.path("volumeMounts")) {
                JsonNode volume = volumes.get(mount.path("name").asText());
                if (volume == null) {
                    violations.add(where + ": mounts undefined volume " + mount.path("name").asText());
                } else if (!mount.path("readOnly").asBoolean(false) && !volume.has("emptyDir")) {
                    violations.add(where + ": writable mount " + mount.path("mountPath").asText() + " is not an emptyDir");
                } else if (mount.path("mountPath").asText().equals("/tmp") && volume.has("emptyDir")) {
                    tmpWritable = true;
                }
            }
            if (!tmpWritable) {
                violations.add(where + ": Quarkus writes to /tmp (Vert.x cache, JVM perf data): mount an emptyDir there");
            }
        }
        return violations;
    }

    /** A pinned image: a tag that is not latest, or a digest. */
    static List<String> image(String where, String image) {
        if (image.contains("@sha256:")) {
            return List.of();
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return List.of(where + ": image " + image + " has no tag: pin one (kustomize images: in deploy/base)");
        }
        if (image.substring(colon + 1).equals("latest")) {
            return List.of(where + ": image " + image + " uses latest: pin a version or digest");
        }
        return List.of();
    }

    private static void probe(String where, JsonNode container, String probe, String path, List<String> violations) {
        JsonNode get = container.path(probe).path("httpGet");
        if (get.isMissingNode()) {
            violations.add(where + ": no " + probe);
        } else if (!get.path("path").asText().equals(path)) {
            violations.add(where + ": " + probe + " must get " + path + ", not " + get.path("path").asText());
        }
    }

    /** Every catalogue topic and its dead-letter topic has a KafkaTopic naming it in spec.topicName, and no KafkaTopic is a stray. */
    static List<String> topics(List<ObjectNode> objects, int replicas, int minInSync) {
        List<String> violations = new ArrayList<>();
        Map<String, ObjectNode> byTopicName = new java.util.HashMap<>();
        for (ObjectNode topic : Manifests.ofKind(objects, "KafkaTopic")) {
            String topicName = topic.path("spec").path("topicName").asText();
            if (topicName.isEmpty()) {
                violations.add(Manifests.id(topic) + ": no spec.topicName");
                continue;
            }
            byTopicName.put(topicName, topic);
            if (topic.path("spec").path("replicas").asInt() != replicas) {
                violations.add(Manifests.id(topic) + ": replicas " + topic.path("spec").path("replicas").asInt() + ", expected " + replicas);
            }
            if (topic.path("spec").path("config").path("min.insync.replicas").asInt() != minInSync) {
                violations.add(Manifests.id(topic) + ": min.insync.replicas must be " + minInSync);
            }
            if (topic.path("spec").path("partitions").asInt() < 1) {
                violations.add(Manifests.id(topic) + ": no partitions");
            }
        }
        Set<String> catalogue = new TreeSet<>();
        for (EventContract<?> contract : Events.all()) {
            catalogue.add(contract.topic());
            catalogue.add(contract.deadLetterTopic());
        }
        for (String topic : catalogue) {
            if (!byTopicName.containsKey(topic)) {
                violations.add("catalogue topic " + topic + " has no KafkaTopic (deploy/base/kafka/topics.yaml)");
            }
        }
        for (String topic : byTopicName.keySet()) {
            if (!catalogue.contains(topic)) {
                violations.add("KafkaTopic " + topic + " is not a catalogue topic or dead-letter topic (contracts' Events)");
            }
        }
        return violations;
    }

    /** Each service's KafkaUser grants exactly what its code needs; the outside publishers exactly the two topics. */
    static List<String> kafkaUsers(List<ObjectNode> objects, Collection<ServiceCode> services) {
        List<String> violations = new ArrayList<>();
        for (ServiceCode code : services) {
            Optional<ObjectNode> user = Manifests.find(objects, "KafkaUser", code.service());
            if (user.isEmpty()) {
                violations.add(code.service() + ": no KafkaUser " + code.service());
                continue;
            }
            String diff = KafkaAcl.diff(KafkaAcl.neededBy(code), KafkaAcl.grantedBy(user.get()));
            if (!diff.isEmpty()) {
                violations.add("KafkaUser " + code.service() + " differs from what its code publishes " + code.publishes()
                        + " and consumes " + code.consumes() + ":" + diff);
            }
        }
        for (String outside : List.of("external-publisher", "shequn-bridge")) {
            Optional<ObjectNode> user = Manifests.find(objects, "KafkaUser", outside);
            if (user.isEmpty()) {
                violations.add("no KafkaUser " + outside);
                continue;
            }
            String diff = KafkaAcl.diff(KafkaAcl.outsidePublisher(), KafkaAcl.grantedBy(user.get()));
            if (!diff.isEmpty()) {
                violations.add("KafkaUser " + outside + " may write message-posted and purchase only:" + diff);
            }
        }
        Set<String> topicNames = new HashSet<>();
        Manifests.ofKind(objects, "KafkaTopic").forEach(t -> topicNames.add(t.path("spec").path("topicName").asText()));
        for (ObjectNode user : Manifests.ofKind(objects, "KafkaUser")) {
            for (KafkaAcl acl : KafkaAcl.grantedBy(user)) {
                if (acl.resourceType().equals("topic") && !topicNames.contains(acl.name())) {
                    violations.add(Manifests.id(user) + ": grants " + acl.operation() + " on topic " + acl.name() + ", which has no KafkaTopic");
                }
            }
        }
        return violations;
    }

    /**
     * Everything a service needs around its Deployment: its Service, ServiceAccount without a
     * token, ConfigMaps, PodDisruptionBudget, HorizontalPodAutoscaler (no more replicas than its
     * busiest consumed topic has partitions), ServiceMonitor, NetworkPolicy, its own PostgreSQL
     * (Cluster, Database, owner DatabaseRole whose Secret the pods use) and its KafkaUser's Secret.
     */
    static List<String> service(List<ObjectNode> objects, ServiceCode code, boolean backups) {
        List<String> violations = new ArrayList<>();
        String service = code.service();
        Optional<ObjectNode> found = Manifests.find(objects, "Deployment", service);
        if (found.isEmpty()) {
            return List.of(service + ": no Deployment " + service);
        }
        ObjectNode deployment = found.get();
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode podLabels = pod.path("metadata").path("labels");
        JsonNode container = pod.path("spec").path("containers").path(0);
        violations.addAll(deployment(deployment));

        if (Manifests.find(objects, "Service", service).filter(s -> selects(s.path("spec").path("selector"), podLabels)).isEmpty()) {
            violations.add(service + ": no Service " + service + " selecting its pods");
        }
        String account = pod.path("spec").path("serviceAccountName").asText();
        if (Manifests.find(objects, "ServiceAccount", account).filter(a -> !a.path("automountServiceAccountToken").asBoolean(true)).isEmpty()) {
            violations.add(service + ": its ServiceAccount '" + account + "' is missing or automounts a token");
        }
        List<String> configMaps = new ArrayList<>();
        container.path("envFrom").forEach(from -> {
            if (from.has("configMapRef")) {
                configMaps.add(from.path("configMapRef").path("name").asText());
            }
        });
        if (configMaps.isEmpty()) {
            violations.add(service + ": takes no ConfigMap");
        }
        Map<String, String> config = new java.util.HashMap<>();
        for (String name : configMaps) {
            Optional<ObjectNode> configMap = Manifests.find(objects, "ConfigMap", name);
            if (configMap.isEmpty()) {
                violations.add(service + ": ConfigMap " + name + " does not exist");
            } else {
                configMap.get().path("data").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            }
        }
        if (!"false".equals(config.get("SHEQUN_KAFKA_CREATE_TOPICS"))) {
            violations.add(service + ": SHEQUN_KAFKA_CREATE_TOPICS must be false: the Topic Operator owns topics and the KafkaUser may not create them");
        }
        if (Manifests.ofKind(objects, "PodDisruptionBudget").stream().noneMatch(p -> selects(p.path("spec").path("selector").path("matchLabels"), podLabels))) {
            violations.add(service + ": no PodDisruptionBudget selecting its pods");
        }
        Optional<ObjectNode> autoscaler = Manifests.ofKind(objects, "HorizontalPodAutoscaler").stream()
                .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(service)).findFirst();
        if (autoscaler.isEmpty()) {
            violations.add(service + ": no HorizontalPodAutoscaler");
        } else if (!code.consumes().isEmpty()) {
            int partitions = maxPartitions(objects, code.consumes());
            int max = autoscaler.get().path("spec").path("maxReplicas").asInt();
            if (max > partitions) {
                violations.add(service + ": maxReplicas " + max + " exceeds the " + partitions
                        + " partitions of its busiest consumed topic: the replicas beyond would sit idle");
            }
        }
        boolean monitored = Manifests.ofKind(objects, "ServiceMonitor").stream().anyMatch(m -> Manifests.find(objects, "Service", service)
                .map(s -> selects(m.path("spec").path("selector").path("matchLabels"), s.path("metadata").path("labels"))).orElse(false))
                || Manifests.ofKind(objects, "PodMonitor").stream().anyMatch(m -> selects(m.path("spec").path("selector").path("matchLabels"), podLabels));
        if (!monitored) {
            violations.add(service + ": no ServiceMonitor or PodMonitor scrapes it");
        }

        Map<String, String> secretEnv = new java.util.HashMap<>();
        container.path("env").forEach(env -> {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secretEnv.put(env.path("name").asText(), ref.path("name").asText());
            }
            if (env.has("value") && env.path("name").asText().matches(".*(PASSWORD|JAAS).*")) {
                violations.add(service + ": " + env.path("name").asText() + " has a literal value: take it from a Secret");
            }
        });
        violations.addAll(database(objects, service, config.get("QUARKUS_DATASOURCE_JDBC_URL"), secretEnv, podLabels, backups));

        String kafkaSecret = secretEnv.get("KAFKA_SASL_JAAS_CONFIG");
        if (kafkaSecret == null) {
            violations.add(service + ": KAFKA_SASL_JAAS_CONFIG does not come from its KafkaUser's Secret");
        } else if (Manifests.find(objects, "KafkaUser", kafkaSecret).isEmpty()) {
            violations.add(service + ": its Kafka credentials come from Secret " + kafkaSecret + ", which no KafkaUser creates");
        }
        Matcher jdbc = JDBC_URL.matcher(config.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
        violations.addAll(networkPolicy(objects, service, podLabels, jdbc.matches() ? jdbc.group(1) : "(none)"));
        return violations;
    }

    /** The PostgreSQL settings local-stack also uses: errors are logged without DETAIL and without the statement. */
    private static final Map<String, String> QUIET_ERRORS = Map.of("log_error_verbosity", "terse", "log_min_error_statement", "panic");

    private static List<String> database(List<ObjectNode> objects, String service, String jdbcUrl, Map<String, String> secretEnv,
                                         JsonNode podLabels, boolean backups) {
        List<String> violations = new ArrayList<>();
        Matcher url = JDBC_URL.matcher(jdbcUrl == null ? "" : jdbcUrl);
        if (!url.matches()) {
            return List.of(service + ": QUARKUS_DATASOURCE_JDBC_URL '" + jdbcUrl + "' does not point at a CloudNativePG cluster's -rw service");
        }
        String clusterName = url.group(1);
        String databaseName = url.group(2);
        Optional<ObjectNode> cluster = Manifests.find(objects, "Cluster", clusterName);
        if (cluster.isEmpty()) {
            return List.of(service + ": no CloudNativePG Cluster " + clusterName);
        }
        Optional<ObjectNode> database = Manifests.ofKind(objects, "Database").stream()
                .filter(d -> d.path("spec").path("cluster").path("name").asText().equals(clusterName)
                        && d.path("spec").path("name").asText().equals(databaseName))
                .findFirst();
        if (database.isEmpty()) {
            return List.of(service + ": no Database " + databaseName + " in Cluster " + clusterName);
        }
        String postgresImage = cluster.get().path("spec").path("imageName").asText();
        if (postgresImage.isEmpty()) {
            violations.add(service + ": Cluster " + clusterName + " takes the operator's default PostgreSQL image: pin imageName");
        } else {
            violations.addAll(image(service + ": Cluster " + clusterName, postgresImage));
        }
        JsonNode parameters = cluster.get().path("spec").path("postgresql").path("parameters");
        for (Map.Entry<String, String> quiet : QUIET_ERRORS.entrySet()) {
            if (!parameters.path(quiet.getKey()).asText().equals(quiet.getValue())) {
                violations.add(service + ": Cluster " + clusterName + " must set " + quiet.getKey() + ": " + quiet.getValue()
                        + " (an error's DETAIL and statement repeat the row's personal data in the logs)");
            }
        }
        String owner = database.get().path("spec").path("owner").asText();
        Optional<ObjectNode> role = Manifests.ofKind(objects, "DatabaseRole").stream()
                .filter(r -> r.path("spec").path("cluster").path("name").asText().equals(clusterName)
                        && r.path("spec").path("name").asText().equals(owner))
                .findFirst();
        String secret = secretEnv.get("QUARKUS_DATASOURCE_PASSWORD");
        if (role.isEmpty()) {
            violations.add(service + ": no DatabaseRole for the owner " + owner + " of " + databaseName);
        } else if (secret == null || !secret.equals(role.get().path("spec").path("passwordSecret").path("name").asText())) {
            violations.add(service + ": QUARKUS_DATASOURCE_PASSWORD must come from the owner role's Secret "
                    + role.get().path("spec").path("passwordSecret").path("name").asText() + ", not " + secret);
        }
        if (secret != null && !secret.equals(secretEnv.get("QUARKUS_DATASOURCE_USERNAME"))) {
            violations.add(service + ": QUARKUS_DATASOURCE_USERNAME and _PASSWORD must come from the same Secret");
        }
        if (backups) {
            String store = null;
            for (JsonNode plugin : cluster.get().path("spec").path("plugins")) {
                if (plugin.path("name").asText().equals("barman-cloud.cloudnative-pg.io") && plugin.path("isWALArchiver").asBoolean(false)) {
                    store = plugin.path("parameters").path("barmanObjectName").asText();
                }
            }
            if (store == null) {
                violations.add(service + ": Cluster " + clusterName + " does not archive through the Barman Cloud plugin");
            } else if (Manifests.find(objects, "ObjectStore", store).isEmpty()) {
                violations.add(service + ": Cluster " + clusterName + " archives to ObjectStore " + store + ", which does not exist");
            }
            if (cluster.get().path("spec").path("backup").has("barmanObjectStore")) {
                violations.add(service + ": Cluster " + clusterName + " uses the deprecated in-Cluster barmanObjectStore");
            }
            boolean scheduled = Manifests.ofKind(objects, "ScheduledBackup").stream()
                    .anyMatch(b -> b.path("spec").path("cluster").path("name").asText().equals(clusterName)
                            && b.path("spec").path("method").asText().equals("plugin"));
            if (!scheduled) {
                violations.add(service + ": no ScheduledBackup (method plugin) of Cluster " + clusterName);
            }
        }
        return violations;
    }

    /** Egress only to Kafka's brokers, its own database and DNS; ingress only from the Ingress controller and Prometheus. */
    private static List<String> networkPolicy(List<ObjectNode> objects, String service, JsonNode podLabels, String ownCluster) {
        List<ObjectNode> policies = Manifests.ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> selects(p.path("spec").path("podSelector").path("matchLabels"), podLabels)).toList();
        if (policies.isEmpty()) {
            return List.of(service + ": no NetworkPolicy selects its pods");
        }
        List<String> violations = new ArrayList<>();
        for (ObjectNode policy : policies) {
            Set<String> types = textValues(policy.path("spec").path("policyTypes"));
            if (!types.containsAll(List.of("Ingress", "Egress"))) {
                violations.add(Manifests.id(policy) + ": must restrict both Ingress and Egress");
            }
            Set<String> reached = new TreeSet<>();
            for (JsonNode rule : policy.path("spec").path("egress")) {
                if (!rule.has("to")) {
                    violations.add(Manifests.id(policy) + ": an egress rule without 'to' allows everything");
                }
                for (JsonNode peer : rule.path("to")) {
                    reached.add(egressPeer(peer));
                }
            }
            for (String peer : reached) {
                if (!peer.equals("kafka") && !peer.equals("dns") && !peer.equals("database " + ownCluster)) {
                    violations.add(Manifests.id(policy) + ": egress to " + peer + " (only Kafka, its own database and DNS)");
                }
            }
            for (String needed : List.of("kafka", "dns", "database " + ownCluster)) {
                if (!reached.contains(needed)) {
                    violations.add(Manifests.id(policy) + ": no egress to " + needed);
                }
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!rule.has("from")) {
                    violations.add(Manifests.id(policy) + ": an ingress rule without 'from' lets anyone in");
                }
                for (JsonNode peer : rule.path("from")) {
                    String from = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                    if (!from.equals("ingress-nginx") && !from.equals("prometheus")) {
                        violations.add(Manifests.id(policy) + ": ingress from " + peer + " (only the Ingress controller and Prometheus)");
                    }
                }
            }
        }
        return violations;
    }

    private static String egressPeer(JsonNode peer) {
        JsonNode labels = peer.path("podSelector").path("matchLabels");
        if (peer.has("ipBlock")) {
            return "ipBlock " + peer.path("ipBlock").path("cidr").asText();
        }
        if (labels.path("strimzi.io/cluster").isTextual() && labels.path("strimzi.io/broker-role").asText().equals("true")) {
            return "kafka";
        }
        if (labels.path("cnpg.io/cluster").isTextual()) {
            return "database " + labels.path("cnpg.io/cluster").asText();
        }
        if (labels.path("k8s-app").asText().equals("kube-dns")) {
            return "dns";
        }
        return peer.toString();
    }

    private static int maxPartitions(List<ObjectNode> objects, Set<String> topics) {
        int max = 0;
        for (ObjectNode topic : Manifests.ofKind(objects, "KafkaTopic")) {
            if (topics.contains(topic.path("spec").path("topicName").asText())) {
                max = Math.max(max, topic.path("spec").path("partitions").asInt());
            }
        }
        return max;
    }

    /** No Secret is rendered: they are created by ops or the operators, never committed. */
    static List<String> noSecrets(List<ObjectNode> objects) {
        return Manifests.ofKind(objects, "Secret").stream().map(s -> Manifests.id(s) + ": Secrets are never committed (docs/deploy.md, Secrets to create)").toList();
    }

    /**
     * No object turns on the movable clock ({@code shequn.clock.movable}, as a property or the
     * {@code SHEQUN_CLOCK_MOVABLE} variable): it lets operators move a service's time, which only
     * a local simulation may do.
     */
    static List<String> noMovableClock(List<ObjectNode> objects) {
        return objects.stream()
                .filter(o -> o.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '.').contains("shequn.clock.movable"))
                .map(o -> Manifests.id(o) + ": sets shequn.clock.movable, which only ./shequn up may (it lets operators move the services' time)")
                .toList();
    }

    /** Every image is the one Jib pushes for that service at this version: {@code <registry>/shequn/<service>:<version>}. */
    static List<String> images(List<ObjectNode> objects, Collection<ServiceCode> services, String version) {
        List<String> violations = new ArrayList<>();
        for (ServiceCode code : services) {
            Manifests.find(objects, "Deployment", code.service()).ifPresent(deployment -> {
                String image = deployment.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText();
                String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
                if (!withoutDigest.endsWith("/shequn/" + code.service() + ":" + version)) {
                    violations.add(code.service() + ": image " + image + " is not the shequn/" + code.service() + ":" + version
                            + " that the build pushes (set it in deploy/base/kustomization.yaml images:)");
                }
            });
        }
        return violations;
    }

    /** What the Ingress may publish: the APIs, their OpenAPI documents, analytics' dashboard and the modules it loads. */
    static final Set<String> PUBLIC_PATHS = Set.of("/api", "/q/openapi", "/dashboard", "/_importmap", "/_static");

    /** Every service is reachable through an Ingress host that has TLS, and only on public paths. */
    static List<String> ingress(List<ObjectNode> objects, Collection<ServiceCode> services) {
        List<String> violations = new ArrayList<>();
        Set<String> routed = new TreeSet<>();
        for (ObjectNode ingress : Manifests.ofKind(objects, "Ingress")) {
            Set<String> tlsHosts = new TreeSet<>();
            ingress.path("spec").path("tls").forEach(tls -> {
                if (tls.path("secretName").asText().isEmpty()) {
                    violations.add(Manifests.id(ingress) + ": a tls entry without secretName");
                }
                tls.path("hosts").forEach(host -> tlsHosts.add(host.asText()));
            });
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!tlsHosts.contains(rule.path("host").asText())) {
                    violations.add(Manifests.id(ingress) + ": host " + rule.path("host").asText() + " has no TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    String route = path.path("path").asText();
                    if (!PUBLIC_PATHS.contains(route)) {
                        violations.add(Manifests.id(ingress) + ": publishes " + route + " (only " + PUBLIC_PATHS + "; health and metrics stay inside)");
                    }
                    routed.add(path.path("backend").path("service").path("name").asText());
                }
            }
        }
        for (ServiceCode code : services) {
            if (!routed.contains(code.service())) {
                violations.add(code.service() + ": no Ingress routes to it");
            }
        }
        return violations;
    }

    /** KRaft: the node pools' roles and sizes. */
    static List<String> kafkaNodes(List<ObjectNode> objects, int controllers, int brokers) {
        int controllerNodes = 0;
        int brokerNodes = 0;
        for (ObjectNode pool : Manifests.ofKind(objects, "KafkaNodePool")) {
            Set<String> roles = textValues(pool.path("spec").path("roles"));
            int replicas = pool.path("spec").path("replicas").asInt();
            controllerNodes += roles.contains("controller") ? replicas : 0;
            brokerNodes += roles.contains("broker") ? replicas : 0;
        }
        List<String> violations = new ArrayList<>();
        if (controllerNodes != controllers || brokerNodes != brokers) {
            violations.add("KafkaNodePools give " + controllerNodes + " controllers and " + brokerNodes + " brokers, expected "
                    + controllers + " and " + brokers);
        }
        return violations;
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = selector.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    static Set<String> textValues(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
