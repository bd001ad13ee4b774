package io.shequn.engagement.moderation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Multi-pattern matching in one pass over the text, whatever the number of patterns
 * (Aho–Corasick automaton). Patterns and text are compared in {@link TextNormalizer} form, so
 * case, full-width characters and inserted spaces or punctuation do not hide a pattern. Each
 * pattern carries a payload; {@link #match} returns the payloads of the patterns found.
 * Immutable and thread-safe once built.
 */
public final class AhoCorasick<T> {

    private static final int ROOT = 0;

    /** Per state: the code points it has transitions for (sorted) and the target states. */
    private final int[][] keys;
    private final int[][] targets;
    private final int[] fail;
    /** Per state: the payload indices of patterns ending here, including through fail links. */
    private final int[][] outputs;
    private final List<T> payloads;

    private AhoCorasick(int[][] keys, int[][] targets, int[] fail, int[][] outputs, List<T> payloads) {
        this.keys = keys;
        this.targets = targets;
        this.fail = fail;
        this.outputs = outputs;
        this.payloads = payloads;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public int size() {
        return payloads.size();
    }

    /** The payloads of every pattern occurring in {@code text}, each once, in order of first occurrence. */
    public List<T> match(CharSequence text) {
        if (payloads.isEmpty() || text == null) {
            return List.of();
        }
        Set<Integer> found = new LinkedHashSet<>();
        int[] state = {ROOT};
        TextNormalizer.forEach(text, codePoint -> {
            int s = state[0];
            int to;
            while ((to = step(s, codePoint)) < 0 && s != ROOT) {
                s = fail[s];
            }
            s = to < 0 ? ROOT : to;
            state[0] = s;
            for (int output : outputs[s]) {
                found.add(output);
            }
        });
        if (found.isEmpty()) {
            return List.of();
        }
        List<T> result = new ArrayList<>(found.size());
        found.forEach(i -> result.add(payloads.get(i)));
        return Collections.unmodifiableList(result);
    }

    private int step(int state, int codePoint) {
        int i = Arrays.binarySearch(keys[state], codePoint);
        return i < 0 ? -1 : targets[state][i];
    }

    public static final class Builder<T> {

        private final List<Map<Integer, Integer>> next = new ArrayList<>();
        private final List<List<Integer>> ends = new ArrayList<>();
        private final List<T> payloads = new ArrayList<>();

        private Builder() {
            newState();
        }

        /** Adds a pattern; returns false (and adds nothing) if it is empty once normalised. */
        public boolean add(String pattern, T payload) {
            String normalised = TextNormalizer.normalize(pattern);
            if (normalised.isEmpty()) {
                return false;
            }
            int state = ROOT;
            for (int codePoint : normalised.codePoints().toArray()) {
                Integer to = next.get(state).get(codePoint);
                if (to == null) {
                    to = newState();
                    next.get(state).put(codePoint, to);
                }
                state = to;
            }
            ends.get(state).add(payloads.size());
            payloads.add(payload);
            return true;
        }

        public AhoCorasick<T> build() {
            int states = next.size();
            int[] fail = new int[states];
            int[][] outputs = new int[states][];
            outputs[ROOT] = ends.get(ROOT).stream().mapToInt(Integer::intValue).toArray();
            Queue<Integer> queue = new ArrayDeque<>();
            for (int child : next.get(ROOT).values()) {
                fail[child] = ROOT;
                queue.add(child);
            }
            // Breadth first: a state's fail target is shallower, so its outputs are complete when read.
            while (!queue.isEmpty()) {
                int state = queue.remove();
                int[] own = ends.get(state).stream().mapToInt(Integer::intValue).toArray();
                int[] inherited = outputs[fail[state]];
                int[] all = Arrays.copyOf(own, own.length + inherited.length);
                System.arraycopy(inherited, 0, all, own.length, inherited.length);
                outputs[state] = all;
                for (Map.Entry<Integer, Integer> edge : next.get(state).entrySet()) {
                    int codePoint = edge.getKey();
                    int child = edge.getValue();
                    int f = fail[state];
                    Integer to;
                    while ((to = next.get(f).get(codePoint)) == null && f != ROOT) {
                        f = fail[f];
                    }
                    fail[child] = to == null || to == child ? ROOT : to;
                    queue.add(child);
                }
            }
            int[][] keys = new int[states][];
            int[][] targets = new int[states][];
            for (int state = 0; state < states; state++) {
                keys[state] = next.get(state).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                int[] stateKeys = keys[state];
                Map<Integer, Integer> edges = next.get(state);
                targets[state] = Arrays.stream(stateKeys).map(edges::get).toArray();
            }
            return new AhoCorasick<>(keys, targets, fail, outputs, List.copyOf(payloads));
        }

        private int newState() {
            next.add(new HashMap<>());
            ends.add(new ArrayList<>());
            return next.size() - 1;
        }
    }
}
