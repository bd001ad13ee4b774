package io.shequn.engagement.activities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The code a host reads out at the activity: 6 characters without look-alikes (no 0/O, 1/I/L),
 * about 887 million possibilities, accepted in any case.
 */
public final class AttendanceCode {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AttendanceCode() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Case-insensitive, in time that does not depend on where the codes differ. */
    public static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
