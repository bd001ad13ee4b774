package io.shequn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rendered manifests: what {@code kubectl kustomize <overlay>} prints for each overlay that
 * docs/deploy.md tells ops to render, as one JSON tree per object.
 */
final class Manifests {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern DOCS_RENDER = Pattern.compile("kubectl kustomize (deploy/overlays/[a-z0-9-]+)");
    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The checkout: the parent of deploy/. */
    static Path root() {
        return Path.of(System.getProperty("shequn.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * The operators' CRDs: {@code ../shared/crds} beside the checkout, as in CI, or under
     * {@code $SHEQUN_SHARED} for a worktree elsewhere; absent in a user's clone.
     */
    static Optional<Path> crds() {
        String shared = System.getenv("SHEQUN_SHARED");
        Path crds = (shared == null || shared.isBlank() ? root().resolveSibling("shared") : Path.of(shared)).resolve("crds");
        return Files.isDirectory(crds) ? Optional.of(crds) : Optional.empty();
    }

    /** Every overlay folder under deploy/overlays, e.g. {@code deploy/overlays/local}. */
    static List<String> overlayFolders() {
        try (Stream<Path> folders = Files.list(root().resolve("deploy/overlays"))) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> "deploy/overlays/" + folder.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlays that docs/deploy.md renders with {@code kubectl kustomize}, in order of appearance. */
    static List<String> overlaysInDocs() {
        try {
            String docs = Files.readString(root().resolve("docs/deploy.md"));
            Matcher matcher = DOCS_RENDER.matcher(docs);
            TreeSet<String> overlays = new TreeSet<>();
            while (matcher.find()) {
                overlays.add(matcher.group(1));
            }
            return List.copyOf(overlays);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kubectl from {@code -Dshequn.kubectl}, {@code $KUBECTL} or the PATH. */
    static Optional<Path> kubectl() {
        String configured = System.getProperty("shequn.kubectl", System.getenv("KUBECTL"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** {@code kubectl kustomize <overlay>} run from the checkout, as docs/deploy.md runs it. */
    static List<ObjectNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::runKustomize);
    }

    private static List<ObjectNode> runKustomize(String overlay) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl not found"));
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay)
                    .directory(root().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + Files.readString(err));
            }
            List<ObjectNode> objects = parse(Files.readString(out, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every document of a multi-document YAML stream, as objects. */
    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject()) {
                    objects.add((ObjectNode) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** {@code Kind/name}, for messages. */
    static String id(JsonNode object) {
        return kind(object) + "/" + name(object);
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind(o).equals(kind)).toList();
    }

    static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind(o).equals(kind) && name(o).equals(name)).findFirst();
    }
}
