package io.shequn.localstack.simulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./shequn simulate [options]} and {@code ./shequn simulate --verify <file>}: options are
 * parsed here, the suite's addresses default to what {@code ./shequn up} starts (its ports from the
 * same SHEQUN_*_PORT variables, its key from the data folder).
 */
public final class SimulateCommand {

    public static final String USAGE = """
              simulate plays days of community life against the running suite (what ./shequn up
                       started, or --member-url, --group-url, --engagement-url, --analytics-url and
                       --kafka), through its public interfaces, moving its clock a day at a time,
                       and writes what it did (the ground truth) to --out:
                         --groups N [20]  --members N [2000]  --days N [60]  --seed N [7]
                         --rate N [0: no limit] requests and events per second  --out FILE [ground-truth.json]
                       --verify FILE compares a ground truth with what the services answer, prints
                       every difference and exits 0 only when they agree.
            """;

    /** A wrong option: the message says which and why. */
    public static final class UsageError extends RuntimeException {
        public UsageError(String message) {
            super(message);
        }
    }

    private SimulateCommand() {
    }

    /**
     * Runs the command; returns the exit status.
     *
     * @param suiteDefaults the suite {@code ./shequn up} would have started, given the options' URLs (or null)
     */
    public static int run(List<String> args, Function<Map<String, String>, SuiteEndpoints> suiteDefaults, PrintStream out) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        List<String> known = List.of("--groups", "--members", "--days", "--seed", "--rate", "--out", "--verify",
                "--member-url", "--group-url", "--engagement-url", "--analytics-url", "--kafka");
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!known.contains(name)) {
                throw new UsageError("Unknown option " + name);
            }
            if (i + 1 >= args.size()) {
                throw new UsageError(name + " needs a value");
            }
            values.put(name, args.get(++i));
        }
        SuiteEndpoints suite = suiteDefaults.apply(values);
        if (values.containsKey("--verify")) {
            if (values.size() > 1 && values.keySet().stream().anyMatch(k -> !k.endsWith("-url") && !k.equals("--kafka") && !k.equals("--verify"))) {
                throw new UsageError("--verify takes only the suite's addresses besides the file");
            }
            Path file = Path.of(values.get("--verify"));
            if (!Files.isRegularFile(file)) {
                throw new UsageError("No ground truth at " + file);
            }
            return verify(GroundTruth.read(file), suite, out);
        }
        SimulationOptions defaults = SimulationOptions.defaults(out);
        SimulationOptions options;
        try {
            options = new SimulationOptions(number(values, "--groups", defaults.groups()), number(values, "--members", defaults.members()),
                    number(values, "--days", defaults.days()), number(values, "--seed", defaults.seed()),
                    number(values, "--rate", defaults.rate()), defaults.parallelism(), out);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        Path file = Path.of(values.getOrDefault("--out", "ground-truth.json"));
        GroundTruth truth = Simulation.run(options, suite);
        truth.write(file);
        out.println();
        out.printf("Done in %s: %d members, %d groups, %d requests and %d published events (%.0f a second).%n",
                Simulation.duration(truth.totals().seconds()), truth.totals().membersCreated(), truth.totals().groupsCreated(),
                truth.totals().requests(), truth.totals().eventsPublished(),
                (truth.totals().requests() + truth.totals().eventsPublished()) / Math.max(1, truth.totals().seconds()));
        out.println("Ground truth per group (also in " + file.toAbsolutePath() + "):");
        out.printf("  %-3s %-26s %-16s %-9s %7s %6s %6s %8s %9s %6s %7s %9s %s%n", "#", "group", "admission", "fate", "members", "joins",
                "leaves", "messages", "check-ins", "grabs", "attend", "purchases", "GMV");
        for (GroundTruth.Group g : truth.groups()) {
            out.printf("  %-3d %-26s %-16s %-9s %7d %6d %6d %8d %9d %6d %7d %9d %s%n", g.index(), g.name(), g.admission(), g.fate(),
                    g.members(), g.joins(), g.leaves(), g.messages(), g.checkIns(), g.redPacketGrabs(), g.attendances(), g.purchases(), g.gmv());
        }
        out.println("Stages analytics-service gives the groups on " + truth.to() + ": " + truth.stages(suite));
        out.println("Analytics figures digest (the same for every run with this seed and size): " + digest(truth.analyticsFigures(suite)));
        out.println("The simulated days are " + truth.from() + " to " + truth.to() + "; the services' clocks now stand on " + truth.to().plusDays(1) + ".");
        out.println("Dashboard: sign in with the link ./shequn up printed, then open in that tab " + suite.analyticsUrl()
                + "/dashboard/#/?from=" + truth.from() + "&to=" + truth.to());
        out.println("Check it: ./shequn simulate --verify " + file);
        return 0;
    }

    static int verify(GroundTruth truth, SuiteEndpoints suite, PrintStream out) {
        List<String> differences = truth.verify(suite, Duration.ofSeconds(30));
        if (differences.isEmpty()) {
            out.println("The services agree with the ground truth: " + truth.groups().size() + " groups, " + truth.from() + " to " + truth.to() + ".");
            out.println("Analytics figures digest: " + digest(truth.analyticsFigures(suite)));
            return 0;
        }
        out.println(differences.size() + " difference(s) between the ground truth and the services:");
        differences.forEach(d -> out.println("  " + d));
        return 1;
    }

    /** A short fingerprint of a text, to compare two runs' analytics figures at a glance. */
    public static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int number(Map<String, String> values, String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return (int) fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageError(name + " must be a number, not " + value);
        }
    }
}
