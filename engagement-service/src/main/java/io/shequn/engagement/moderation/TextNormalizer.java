package io.shequn.engagement.moderation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * What sensitive-word matching compares: full-width and compatibility forms folded (NFKC, so
 * "ＡＢＣ" is "abc" and "①" is "1"), lower case, and spaces, punctuation, symbols and invisible
 * characters dropped, so "f.u ck" and "Ｆ＊Ｕ＊Ｃ＊Ｋ" both read "fuck".
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    private static final int IGNORE = -1;
    private static final int EXPANDS = -2;
    /** The folded form of every BMP character that folds to at most one code point, computed once. */
    private static final int[] BMP = new int[0x10000];

    static {
        for (int c = 0; c < BMP.length; c++) {
            BMP[c] = Character.isSurrogate((char) c) ? EXPANDS : foldSlow(c);
        }
    }

    /** Feeds the normalised code points of {@code text} to {@code sink}, one pass, no intermediate string. */
    public static void forEach(CharSequence text, IntConsumer sink) {
        int length = text.length();
        for (int i = 0; i < length; ) {
            int codePoint = Character.codePointAt(text, i);
            i += Character.charCount(codePoint);
            int folded = codePoint < BMP.length ? BMP[codePoint] : EXPANDS;
            if (folded >= 0) {
                sink.accept(folded);
            } else if (folded == EXPANDS && !ignorable(codePoint)) {
                fold(codePoint).codePoints().filter(c -> !ignorable(c)).forEach(sink);
            }
        }
    }

    private static int foldSlow(int codePoint) {
        if (ignorable(codePoint)) {
            return IGNORE;
        }
        int[] folded = fold(codePoint).codePoints().filter(c -> !ignorable(c)).toArray();
        return folded.length == 0 ? IGNORE : folded.length == 1 ? folded[0] : EXPANDS;
    }

    private static String fold(int codePoint) {
        return Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The normalised form as a string (for words and tests). */
    public static String normalize(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        forEach(text, out::appendCodePoint);
        return out.toString();
    }

    static boolean ignorable(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                 Character.CURRENCY_SYMBOL, Character.FORMAT, Character.CONTROL, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }
}
