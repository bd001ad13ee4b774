package io.shequn.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a Java program in a child JVM on this module's runtime classpath, and ends child processes. */
final class ChildJvm {

    private ChildJvm() {
    }

    static Process start(String mainClass, List<String> jvmArgs, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(runtimeClasspath());
        command.add(ParentWatchingMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(args);
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass, e);
        }
    }

    /** SIGTERM, so the process can shut down cleanly; SIGKILL if it has not ended within {@code graceSeconds}. */
    static void terminate(Process process, int graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL: the process gets no chance to finish anything, as when a node dies. */
    static void kill(Process process) {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's classes plus every runtime dependency, including the optional Kafka broker. */
    static String runtimeClasspath() {
        try (InputStream in = ChildJvm.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath missing: build local-stack with Maven first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or classes folder of this module, which holds {@link ParentWatchingMain}. */
    static String ownLocation() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
