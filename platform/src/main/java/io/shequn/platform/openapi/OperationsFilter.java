package io.shequn.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every service's OpenAPI document say what the code does, whatever each resource
 * remembers to annotate, at build time (so the exported document is the served one):
 * <ul>
 * <li>a stable {@code operationId} on every operation, from the resource class and method
 * ({@code GroupResource.archive} → {@code groupArchive}) unless {@code @Operation} names one;</li>
 * <li>401 on every secured operation, 403 wherever the operation's audience is narrower than any
 * member, 404 wherever a path names a resource, 400 wherever the request carries input (the
 * platform answers all of them);</li>
 * <li>who may call it, as {@code x-shequn-access}: the {@code @Allowed} audience, or
 * {@code operators} for an operator-only {@code @RolesAllowed};</li>
 * <li>patterns that are valid and anchored in ECMA-262, as JSON Schema reads them.</li>
 * </ul>
 * Error responses get their problem+json body from {@code ProblemResponsesFilter}.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 2)
public class OperationsFilter implements OASFilter {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName ALLOWED = DotName.createSimple(Allowed.class.getName());
    /** The operation's audience, as {@link Audience#published()} spells it. */
    public static final String ACCESS_EXTENSION = "x-shequn-access";
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final IndexView index;

    public OperationsFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, MethodInfo> methods = resourceMethods();
        Set<String> ids = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getOperationId() != null) {
                ids.add(operation.getOperationId());
            }
        }));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                MethodInfo method = methods.get(entry.getKey().name() + " " + path.getKey());
                if (operation.getOperationId() == null && method != null) {
                    String id = operationId(method);
                    for (int n = 2; ids.contains(id); n++) {
                        id = operationId(method) + n;
                    }
                    ids.add(id);
                    operation.setOperationId(id);
                }
                describeErrors(operation, path.getKey(), method);
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> anchorPatterns(parameter.getSchema()));
                }
            }
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OperationsFilter::anchorPatterns);
        }
    }

    private void describeErrors(Operation operation, String path, MethodInfo method) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null || operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.HEADER);
        if (hasInput) {
            addIfMissing(responses, "400", "Invalid request; violations name the fields or parameters");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(responses, "401", "No valid bearer token");
            Audience audience = method == null ? null : audience(method);
            if (audience != null) {
                operation.addExtension(ACCESS_EXTENSION, audience.published());
                String refusal = switch (audience) {
                    case OPERATORS -> "Not an operator";
                    case GROUP_MEMBERS -> "Not a member of the group (nor an operator)";
                    case GROUP_MANAGERS -> "Not the group's owner or an admin (nor an operator)";
                    case GROUP_OWNER -> "Not the group's owner (nor an operator)";
                    case SELF -> "Another member (and not an operator)";
                    case SELF_OR_GROUP_MEMBERS -> "Another member, and not a member of the group (nor an operator)";
                    case SELF_OR_GROUP_MANAGERS -> "Another member, and not the group's owner or an admin (nor an operator)";
                    case ANY_MEMBER -> null;
                };
                if (refusal != null) {
                    addIfMissing(responses, "403", refusal);
                }
            }
        }
        if (path.contains("{")) {
            addIfMissing(responses, "404", "Nothing exists at this path (an unknown or malformed id)");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "413", "The body is over the size limit");
            addIfMissing(responses, "415", "The body is not JSON");
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** The method's {@code @Allowed} audience; {@code OPERATORS} for an operator-only {@code @RolesAllowed}; else null. */
    private static Audience audience(MethodInfo method) {
        AnnotationInstance allowed = method.annotation(ALLOWED);
        if (allowed != null) {
            return Audience.valueOf(allowed.value().asEnum());
        }
        return operatorOnly(method) ? Audience.OPERATORS : null;
    }

    private static boolean operatorOnly(MethodInfo method) {
        AnnotationInstance roles = method.annotation(ROLES_ALLOWED);
        if (roles == null) {
            roles = method.declaringClass().declaredAnnotation(ROLES_ALLOWED);
        }
        return roles != null && Arrays.equals(roles.value().asStringArray(), new String[]{"operator"});
    }

    /** {@code GroupResource.archive} → {@code groupArchive}; {@code CheckInResource.checkIn} → {@code checkIn}. */
    static String operationId(MethodInfo method) {
        String resource = method.declaringClass().simpleName().replaceAll("Resource$", "");
        String prefix = Character.toLowerCase(resource.charAt(0)) + resource.substring(1);
        String name = method.name();
        if (name.toLowerCase().startsWith(prefix.toLowerCase())) {
            return name;
        }
        return prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** "METHOD /path/{param}" of every JAX-RS resource method in the application. */
    private Map<String, MethodInfo> resourceMethods() {
        Map<String, MethodInfo> methods = new HashMap<>();
        for (AnnotationInstance annotation : index.getAnnotations(PATH)) {
            if (annotation.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = annotation.target().asClass();
            for (MethodInfo method : resource.methods()) {
                for (String http : HTTP_METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
                        AnnotationInstance sub = method.declaredAnnotation(PATH);
                        methods.put(http + " " + join(annotation.value().asString(), sub == null ? "" : sub.value().asString()), method);
                    }
                }
            }
        }
        return methods;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /**
     * JSON Schema patterns are ECMA-262 and match anywhere unless anchored; Bean Validation's are
     * Java and match the whole value. Anchoring keeps the meaning; {@code @NotBlank}'s "\S" means
     * "contains a non-space", written out anchored.
     */
    private static void anchorPatterns(Schema schema) {
        anchorPatterns(schema, 0);
    }

    private static void anchorPatterns(Schema schema, int depth) {
        if (schema == null || depth > 20) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null) {
            if (pattern.equals("\\S")) {
                schema.setPattern("^[\\s\\S]*\\S[\\s\\S]*$");
            } else if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
                schema.setPattern("^(?:" + pattern + ")$");
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> anchorPatterns(property, depth + 1));
        }
        anchorPatterns(schema.getItems(), depth + 1);
        if (schema.getAdditionalPropertiesSchema() != null) {
            anchorPatterns(schema.getAdditionalPropertiesSchema(), depth + 1);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> anchorPatterns(part, depth + 1));
        }
    }
}
