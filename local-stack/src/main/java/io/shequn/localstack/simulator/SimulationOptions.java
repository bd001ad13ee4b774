package io.shequn.localstack.simulator;

import java.io.PrintStream;

/**
 * What to simulate: how many groups and members, how many days, the seed that makes the run's
 * figures reproducible, and at most how many requests and published events per second (0: no
 * limit). Progress lines go to {@code progress}.
 */
public record SimulationOptions(int groups, int members, int days, long seed, int rate, int parallelism, PrintStream progress) {

    public SimulationOptions {
        if (groups < 1 || groups > 1000) {
            throw new IllegalArgumentException("--groups must be 1-1000, not " + groups);
        }
        if (members < groups || members > 1_000_000) {
            throw new IllegalArgumentException("--members must be at least --groups (each group has an owner) and at most 1000000, not " + members);
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("--days must be 1-366, not " + days);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must be 0 (no limit) or more, not " + rate);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** What {@code ./shequn simulate} does without options. */
    public static SimulationOptions defaults(PrintStream progress) {
        return new SimulationOptions(20, 2000, 60, 7, 0, 16, progress);
    }

    /** A run small enough for a test: five groups (every admission mode and fate), 60 members, 4 days: under a minute. */
    public static SimulationOptions small(long seed, PrintStream progress) {
        return new SimulationOptions(5, 60, 4, seed, 0, 8, progress);
    }

    public SimulationOptions withSize(int groups, int members, int days) {
        return new SimulationOptions(groups, members, days, seed, rate, parallelism, progress);
    }
}
