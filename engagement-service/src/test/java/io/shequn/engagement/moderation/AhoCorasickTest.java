package io.shequn.engagement.moderation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AhoCorasickTest {

    private static AhoCorasick<String> of(String... words) {
        AhoCorasick.Builder<String> builder = AhoCorasick.builder();
        for (String word : words) {
            builder.add(word, word);
        }
        return builder.build();
    }

    @Test
    void findsEveryPatternIncludingOverlappingAndNestedOnes() {
        AhoCorasick<String> matcher = of("he", "she", "his", "hers");
        assertThat(matcher.match("ushers")).containsExactly("she", "he", "hers");
        assertThat(matcher.match("nothing here... well, h-e-r s")).containsExactly("he", "hers");
    }

    @Test
    void findsChineseWordsAndReportsEachOnce() {
        AhoCorasick<String> matcher = of("赌博", "代开发票", "发票");
        assertThat(matcher.match("专业代开发票，赌博赌博")).containsExactly("代开发票", "发票", "赌博");
        assertThat(matcher.match("今天天气很好")).isEmpty();
    }

    @Test
    void caseFullWidthAndInsertedSpacesOrPunctuationDoNotHideAWord() {
        AhoCorasick<String> matcher = of("Spam", "赌博", "vx123");
        assertThat(matcher.match("SPAM")).containsExactly("Spam");
        assertThat(matcher.match("ｓｐａｍ")).containsExactly("Spam");
        assertThat(matcher.match("s p.a-m")).containsExactly("Spam");
        assertThat(matcher.match("赌 。博")).containsExactly("赌博");
        assertThat(matcher.match("赌*博")).containsExactly("赌博");
        assertThat(matcher.match("赌\u200b博")).containsExactly("赌博");
        assertThat(matcher.match("加ＶＸ：１２３")).containsExactly("vx123");
        assertThat(matcher.match("赌😀博")).containsExactly("赌博");
    }

    @Test
    void patternsAreNormalisedLikeTheText() {
        AhoCorasick<String> matcher = of("Ｆ．Ｏ．Ｏ");
        assertThat(matcher.match("xfoox")).containsExactly("Ｆ．Ｏ．Ｏ");
    }

    @Test
    void emptyPatternsAreRefusedAndAnEmptyMatcherFindsNothing() {
        AhoCorasick.Builder<String> builder = AhoCorasick.builder();
        assertThat(builder.add(" .,!", "x")).isFalse();
        assertThat(builder.build().match("anything")).isEmpty();
        assertThat(of().match(null)).isEmpty();
    }

    @Test
    void tenThousandPatternsStillMatchInOnePass() {
        AhoCorasick.Builder<Integer> builder = AhoCorasick.builder();
        IntStream.range(0, 10_000).forEach(i -> builder.add("禁词" + i + "号", i));
        AhoCorasick<Integer> matcher = builder.build();
        String text = "正常的聊天内容".repeat(500) + "禁词 9999 号";
        long start = System.nanoTime();
        List<Integer> found = matcher.match(text);
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(found).containsExactly(9999);
        assertThat(matcher.size()).isEqualTo(10_000);
        assertThat(micros).isLessThan(500_000);
    }

    @Test
    void theNormaliserFoldsWidthAndCaseAndDropsSeparators() {
        assertThat(TextNormalizer.normalize("ＡＢＣ ａｂｃ, Déjà-vu! ①")).isEqualTo("abcabcdéjàvu1");
    }
}
