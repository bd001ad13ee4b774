package io.shequn.engagement.lotteries;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The auditable draw (commit–reveal), exactly as docs/lotteries.md describes it so that anyone
 * can recompute it:
 * <ol>
 * <li>at creation a secret 32-byte seed is drawn and SHA-256(seed) published;</li>
 * <li>when entries close, the entry list (member ids in canonical lower-case text, sorted, each
 * followed by a line feed) is hashed with SHA-256 and published;</li>
 * <li>the draw key is SHA-256(seed ‖ entry-list hash ‖ lottery id), all raw bytes (32 + 32 + 16,
 * the id big-endian), and the random stream is SHA-256(key ‖ 0), SHA-256(key ‖ 1), … with the
 * counter as 8 bytes big-endian;</li>
 * <li>winners are drawn without replacement, prize by prize in order and unit by unit, from the
 * sorted list: an index below n is the next 4 stream bytes as an unsigned big-endian integer x,
 * kept only if x &lt; 2³² − (2³² mod n) (rejection sampling: no index is favoured), taken mod n;
 * the winner leaves the list and the others keep their order;</li>
 * <li>then the seed is revealed.</li>
 * </ol>
 */
public final class LotteryDraw {

    public static final String ALGORITHM = "shequn-lottery-v1";
    public static final int SEED_BYTES = 32;
    private static final long RANGE = 1L << 32;

    private LotteryDraw() {
    }

    /** One winner: the prize (position in the lottery, 1-based) and the member. */
    public record Winner(int prizePosition, UUID memberId) {
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] seedHash(byte[] seed) {
        return sha256(seed);
    }

    /** The canonical entry list: member ids as lower-case text, sorted. */
    public static List<UUID> canonical(List<UUID> entries) {
        return entries.stream().map(UUID::toString).sorted().map(UUID::fromString).toList();
    }

    public static byte[] entryListHash(List<UUID> entries) {
        StringBuilder text = new StringBuilder(entries.size() * 37);
        for (UUID member : canonical(entries)) {
            text.append(member).append('\n');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The winners in draw order. {@code quantities[i]} is how many units prize i + 1 has; fewer
     * entrants than units leaves the last units undrawn.
     */
    public static List<Winner> winners(byte[] seed, List<UUID> entries, UUID lotteryId, int[] quantities) {
        List<UUID> pool = new ArrayList<>(canonical(entries));
        Stream stream = new Stream(key(seed, entryListHash(entries), lotteryId));
        List<Winner> winners = new ArrayList<>();
        for (int prize = 0; prize < quantities.length; prize++) {
            for (int unit = 0; unit < quantities[prize] && !pool.isEmpty(); unit++) {
                winners.add(new Winner(prize + 1, pool.remove(stream.below(pool.size()))));
            }
        }
        return winners;
    }

    static byte[] key(byte[] seed, byte[] entryListHash, UUID lotteryId) {
        return sha256(ByteBuffer.allocate(seed.length + entryListHash.length + 16)
                .put(seed).put(entryListHash)
                .putLong(lotteryId.getMostSignificantBits()).putLong(lotteryId.getLeastSignificantBits())
                .array());
    }

    /** SHA-256 in counter mode from a key: an endless stream of bytes that only the key determines. */
    static final class Stream {
        private final byte[] key;
        private long counter;
        private byte[] block = new byte[0];
        private int next;

        Stream(byte[] key) {
            this.key = key.clone();
        }

        int nextByte() {
            if (next == block.length) {
                block = sha256(ByteBuffer.allocate(key.length + Long.BYTES).put(key).putLong(counter++).array());
                next = 0;
            }
            return block[next++] & 0xff;
        }

        long nextUnsignedInt() {
            return ((long) nextByte() << 24) | (nextByte() << 16) | (nextByte() << 8) | nextByte();
        }

        /** Uniform in [0, n) for 1 ≤ n ≤ 2³². */
        int below(int n) {
            long limit = RANGE - RANGE % n;
            while (true) {
                long x = nextUnsignedInt();
                if (x < limit) {
                    return (int) (x % n);
                }
            }
        }
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
