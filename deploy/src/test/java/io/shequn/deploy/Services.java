package io.shequn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The suite's services: the root pom's modules named {@code *-service}, each with what its code does on Kafka. */
final class Services {

    private static final Pattern MODULE = Pattern.compile("<module>([a-z0-9-]+-service)</module>");
    private static List<ServiceCode> all;

    private Services() {
    }

    static synchronized List<ServiceCode> all() {
        if (all == null) {
            List<ServiceCode> services = new ArrayList<>();
            for (String module : modules()) {
                services.add(ServiceCode.of(module));
            }
            all = List.copyOf(services);
        }
        return all;
    }

    static List<String> modules() {
        try {
            Matcher matcher = MODULE.matcher(Files.readString(Manifests.root().resolve("pom.xml")));
            List<String> modules = new ArrayList<>();
            while (matcher.find()) {
                modules.add(matcher.group(1));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
