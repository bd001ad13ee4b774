package io.shequn.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks core Kubernetes objects against fabric8's model of the Kubernetes API. The model keeps
 * any field it does not know in {@code additionalProperties} instead of failing, so an object
 * matches only if no {@code additionalProperties} anywhere in its tree holds anything, and if
 * binding it and writing it back loses no field.
 */
final class CoreModel {

    /** Core kinds the manifests may use, by apiVersion/kind. Secrets are not among them: none is committed. */
    static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Namespace", Namespace.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CoreModel() {
    }

    static Optional<Class<? extends KubernetesResource>> modelOf(JsonNode object) {
        return Optional.ofNullable(KINDS.get(object.path("apiVersion").asText() + "/" + Manifests.kind(object)));
    }

    /** What is wrong with {@code object} for its model class; empty when it matches. */
    static List<String> violations(JsonNode object) {
        Class<? extends KubernetesResource> model = modelOf(object)
                .orElseThrow(() -> new IllegalArgumentException("No model for " + object.path("apiVersion").asText() + " " + Manifests.id(object)));
        Object bound;
        try {
            bound = MAPPER.treeToValue(object, model);
        } catch (Exception e) {
            return List.of(Manifests.id(object) + ": does not bind to " + model.getSimpleName() + ": " + e.getMessage());
        }
        List<String> violations = new ArrayList<>();
        unknownFields(bound, "", violations, new IdentityHashMap<>());
        lostFields(object, MAPPER.valueToTree(bound), "", violations);
        return violations.stream().map(v -> Manifests.id(object) + ": " + v).toList();
    }

    /** The metadata of any object (custom resources' schemas leave it to the API server). */
    static List<String> metadataViolations(JsonNode object) {
        io.fabric8.kubernetes.api.model.ObjectMeta bound;
        try {
            bound = MAPPER.treeToValue(object.path("metadata"), io.fabric8.kubernetes.api.model.ObjectMeta.class);
        } catch (Exception e) {
            return List.of(Manifests.id(object) + ": metadata does not bind: " + e.getMessage());
        }
        List<String> violations = new ArrayList<>();
        unknownFields(bound, ".metadata", violations, new IdentityHashMap<>());
        return violations.stream().map(v -> Manifests.id(object) + ": " + v).toList();
    }

    /** Every non-empty additionalProperties in the bound tree is a field the API does not have. */
    private static void unknownFields(Object value, String path, List<String> violations, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, violations, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", violations, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(key -> violations.add("unknown field " + (path.isEmpty() ? "" : path.substring(1) + ".") + key));
                    }
                } else {
                    unknownFields(fieldValue, path + "." + field.getName(), violations, seen);
                }
            }
        }
    }

    /** A field of the original that the model dropped when binding (a property it ignores). */
    private static void lostFields(JsonNode original, JsonNode written, String path, List<String> violations) {
        if (original.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = original.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode counterpart = written.get(field.getKey());
                if (counterpart == null || counterpart.isNull()) {
                    if (!field.getValue().isNull() && !isEmpty(field.getValue())) {
                        violations.add("field " + fieldPath + " is not in the model");
                    }
                } else {
                    lostFields(field.getValue(), counterpart, fieldPath, violations);
                }
            }
        } else if (original.isArray() && written.isArray()) {
            for (int i = 0; i < original.size() && i < written.size(); i++) {
                lostFields(original.get(i), written.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return (node.isObject() || node.isArray()) && node.isEmpty();
    }
}
