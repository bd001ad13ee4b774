package io.shequn.member.referral;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Personal invite codes: 8 characters read aloud and typed from screenshots, so the alphabet has
 * no 0/O and no 1/I/L. 31^8 ≈ 8.5 × 10^11 codes make guessing one impractical.
 */
public final class InviteCodes {

    public static final String CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** The letters of {@link #CHARACTERS} in lower case: codes are accepted in any case (a pattern without inline flags, as JSON Schema needs). */
    public static final String LOWER_CASE = "abcdefghjkmnpqrstuvwxyz";
    public static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {
    }

    public static String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = CHARACTERS.charAt(RANDOM.nextInt(CHARACTERS.length()));
        }
        return new String(code);
    }

    /** Codes are accepted in any case; stored in upper case. */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
