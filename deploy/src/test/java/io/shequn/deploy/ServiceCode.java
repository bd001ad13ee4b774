package io.shequn.deploy;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a service's compiled code does on Kafka, read from its classes with ASM: the contracts
 * it publishes ({@code Outbox.publish(Events.X, ...)}) and the ones its inbox listeners consume
 * ({@code InboxListener.contract()} returning {@code Events.X}). Its consumer group is its inbox
 * channel's {@code group.id} (see {@code consumerGroup} below). A contract the scan cannot trace
 * to an {@code Events} constant fails the scan, so nothing escapes it silently.
 *
 * @param service       quarkus.application.name
 * @param consumerGroup the group its consumer joins: an incoming channel's {@code group.id},
 *                      else {@code kafka.group.id}, else the application name (Quarkus' default)
 * @param publishes     topics written through the outbox
 * @param consumes      topics of the inbox listeners
 */
record ServiceCode(String service, String consumerGroup, Set<String> publishes, Set<String> consumes) {

    static final String OUTBOX = "io/shequn/platform/outbox/Outbox";
    static final String LISTENER = "io/shequn/platform/inbox/InboxListener";
    static final String EVENTS = Type.getInternalName(Events.class);
    private static final String CONTRACT_DESCRIPTOR = "()" + Type.getDescriptor(EventContract.class);
    private static final int MAX_DEPTH = 5;

    /** The code of {@code service} on the test classpath: the jar (or classes folder) holding its application.properties. */
    static ServiceCode of(String service) {
        try {
            for (URL url : Collections.list(ServiceCode.class.getClassLoader().getResources("application.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                if (service.equals(properties.getProperty("quarkus.application.name"))) {
                    return scan(service, consumerGroup(service, properties), url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No classes of " + service + " on the test classpath: add it as a dependency of deploy/pom.xml");
    }

    static String consumerGroup(String service, Properties properties) {
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                return properties.getProperty(key).trim();
            }
        }
        return properties.getProperty("kafka.group.id", service).trim();
    }

    private static ServiceCode scan(String service, String group, URL applicationProperties) throws IOException {
        String url = applicationProperties.toString();
        if (url.startsWith("jar:")) {
            Path jar = Path.of(toUri(url.substring(4, url.indexOf("!/"))));
            try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                return scan(service, group, zip.getPath("/"));
            }
        }
        return scan(service, group, Path.of(toUri(url)).getParent());
    }

    private static java.net.URI toUri(String url) {
        try {
            return new URL(url).toURI();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalArgumentException(url, e);
        }
    }

    /** Scans every class under {@code root} (a classes folder or a jar's root). */
    static ServiceCode scan(String service, String group, Path root) throws IOException {
        List<ClassNode> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassNode node = new ClassNode();
                new ClassReader(Files.readAllBytes(file)).accept(node, ClassReader.SKIP_FRAMES);
                classes.add(node);
            }
        }
        return scan(service, group, classes);
    }

    static ServiceCode scan(String service, String group, List<ClassNode> classes) {
        Scan scan = new Scan(classes);
        Set<String> consumes = new TreeSet<>();
        for (ClassNode type : classes) {
            if (scan.isConcreteListener(type)) {
                MethodNode contract = scan.contractMethod(type);
                consumes.addAll(scan.returnedTopics(scan.owner(contract), contract));
            }
        }
        Set<String> publishes = new TreeSet<>();
        for (ClassNode type : classes) {
            for (MethodNode method : type.methods) {
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call && call.owner.equals(OUTBOX) && call.name.equals("publish")) {
                        publishes.addAll(scan.argumentTopics(type, method, call, 0, 0));
                    }
                }
            }
        }
        return new ServiceCode(service, group, Set.copyOf(publishes), Set.copyOf(consumes));
    }

    /** Events' constants by field name, e.g. MEMBER_JOINED → member-joined. */
    static Map<String, String> eventsConstants() {
        Map<String, String> topics = new HashMap<>();
        for (Field field : Events.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventContract.class) {
                try {
                    topics.put(field.getName(), ((EventContract<?>) field.get(null)).topic());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    private static final class Scan {
        private final Map<String, ClassNode> byName = new HashMap<>();
        private final Map<MethodNode, ClassNode> owners = new HashMap<>();
        private final Map<MethodNode, Frame<SourceValue>[]> frames = new HashMap<>();
        private final Map<String, String> constants = eventsConstants();

        Scan(List<ClassNode> classes) {
            for (ClassNode type : classes) {
                byName.put(type.name, type);
                type.methods.forEach(method -> owners.put(method, type));
            }
        }

        ClassNode owner(MethodNode method) {
            return owners.get(method);
        }

        boolean isConcreteListener(ClassNode type) {
            if ((type.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0) {
                return false;
            }
            for (ClassNode current = type; current != null; current = byName.get(current.superName)) {
                if (current.interfaces.contains(LISTENER)) {
                    return true;
                }
            }
            return false;
        }

        MethodNode contractMethod(ClassNode type) {
            for (ClassNode current = type; current != null; current = byName.get(current.superName)) {
                for (MethodNode method : current.methods) {
                    if (method.name.equals("contract") && method.desc.equals(CONTRACT_DESCRIPTOR)
                            && (method.access & Opcodes.ACC_ABSTRACT) == 0) {
                        return method;
                    }
                }
            }
            throw new IllegalStateException(type.name + " implements InboxListener but its contract() is not among the service's classes");
        }

        Set<String> returnedTopics(ClassNode type, MethodNode method) {
            Set<String> topics = new TreeSet<>();
            Frame<SourceValue>[] methodFrames = frames(type, method);
            for (AbstractInsnNode insn : method.instructions) {
                if (insn.getOpcode() == Opcodes.ARETURN) {
                    Frame<SourceValue> frame = methodFrames[method.instructions.indexOf(insn)];
                    topics.addAll(topics(type, method, frame.getStack(frame.getStackSize() - 1), 0));
                }
            }
            return topics;
        }

        /** The topics the {@code argument}-th argument of {@code call} can be. */
        Set<String> argumentTopics(ClassNode type, MethodNode method, AbstractInsnNode call, int argument, int depth) {
            Frame<SourceValue> frame = frames(type, method)[method.instructions.indexOf(call)];
            if (frame == null) {
                return Set.of(); // unreachable code
            }
            String descriptor = call instanceof MethodInsnNode m ? m.desc : ((InvokeDynamicInsnNode) call).desc;
            int arguments = Type.getArgumentTypes(descriptor).length;
            return topics(type, method, frame.getStack(frame.getStackSize() - arguments + argument), depth);
        }

        private Set<String> topics(ClassNode type, MethodNode method, SourceValue value, int depth) {
            Set<String> topics = new TreeSet<>();
            for (AbstractInsnNode source : value.insns) {
                topics.addAll(topicsOf(type, method, source, depth));
            }
            if (value.insns.isEmpty()) {
                throw untraceable(type, method, null);
            }
            return topics;
        }

        private Set<String> topicsOf(ClassNode type, MethodNode method, AbstractInsnNode source, int depth) {
            if (source instanceof FieldInsnNode field && source.getOpcode() == Opcodes.GETSTATIC && field.owner.equals(EVENTS)
                    && constants.containsKey(field.name)) {
                return Set.of(constants.get(field.name));
            }
            Frame<SourceValue> frame = frames(type, method)[method.instructions.indexOf(source)];
            if (source.getOpcode() == Opcodes.CHECKCAST) {
                return topics(type, method, frame.getStack(frame.getStackSize() - 1), depth);
            }
            if (source instanceof VarInsnNode load && source.getOpcode() == Opcodes.ALOAD) {
                SourceValue local = frame.getLocal(load.var);
                if (!local.insns.isEmpty()) {
                    Set<String> topics = new TreeSet<>();
                    for (AbstractInsnNode store : local.insns) {
                        Frame<SourceValue> storeFrame = frames(type, method)[method.instructions.indexOf(store)];
                        topics.addAll(topics(type, method, storeFrame.getStack(storeFrame.getStackSize() - 1), depth));
                    }
                    return topics;
                }
                int parameter = parameterIndex(method, load.var);
                if (parameter >= 0 && depth < MAX_DEPTH) {
                    return callerTopics(type, method, parameter, depth + 1);
                }
            }
            throw untraceable(type, method, source);
        }

        /** The contract passed as parameter {@code parameter} by every caller of {@code method}. */
        private Set<String> callerTopics(ClassNode type, MethodNode method, int parameter, int depth) {
            Set<String> topics = new TreeSet<>();
            boolean called = false;
            for (ClassNode callerType : byName.values()) {
                for (MethodNode caller : callerType.methods) {
                    for (AbstractInsnNode insn : caller.instructions) {
                        if (insn instanceof MethodInsnNode call && call.owner.equals(type.name)
                                && call.name.equals(method.name) && call.desc.equals(method.desc)) {
                            called = true;
                            topics.addAll(argumentTopics(callerType, caller, call, parameter, depth));
                        } else if (insn instanceof InvokeDynamicInsnNode lambda && implementedBy(lambda, type, method)
                                && parameter < Type.getArgumentTypes(lambda.desc).length) {
                            called = true;
                            topics.addAll(argumentTopics(callerType, caller, lambda, parameter, depth));
                        }
                    }
                }
            }
            if (!called) {
                throw untraceable(type, method, null);
            }
            return topics;
        }

        private static boolean implementedBy(InvokeDynamicInsnNode lambda, ClassNode type, MethodNode method) {
            for (Object argument : lambda.bsmArgs) {
                if (argument instanceof Handle handle && handle.getOwner().equals(type.name)
                        && handle.getName().equals(method.name) && handle.getDesc().equals(method.desc)) {
                    return true;
                }
            }
            return false;
        }

        /** Which declared parameter local variable {@code slot} is, or -1 for a local or {@code this}. */
        private static int parameterIndex(MethodNode method, int slot) {
            int current = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
            Type[] parameters = Type.getArgumentTypes(method.desc);
            for (int i = 0; i < parameters.length; i++) {
                if (current == slot) {
                    return i;
                }
                current += parameters[i].getSize();
            }
            return -1;
        }

        private Frame<SourceValue>[] frames(ClassNode type, MethodNode method) {
            return frames.computeIfAbsent(method, m -> {
                try {
                    return new Analyzer<>(new SourceInterpreter()).analyze(type.name, m);
                } catch (AnalyzerException e) {
                    throw new IllegalStateException("Cannot analyze " + type.name + "." + m.name, e);
                }
            });
        }

        private static IllegalStateException untraceable(ClassNode type, MethodNode method, AbstractInsnNode source) {
            return new IllegalStateException("Cannot tell which event contract " + type.name.replace('/', '.') + "." + method.name
                    + " uses" + (source == null ? "" : " (opcode " + source.getOpcode() + ")")
                    + ": pass or return an io.shequn.contracts.Events constant, so that deploy's checks know its topic");
        }
    }
}
