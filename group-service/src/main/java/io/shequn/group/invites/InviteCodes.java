package io.shequn.group.invites;

import java.security.SecureRandom;

/** Short, unguessable, easy to read aloud: 8 characters without 0/O, 1/I/L. */
public final class InviteCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Codes are shown in upper case; people type them any way. */
    public static String normalise(String code) {
        return code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
