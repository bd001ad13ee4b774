package io.shequn.group.moderation;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StrikePolicyTest {

    @Test
    void theLimitRemoves() {
        assertThat(StrikePolicy.removes(2, 3)).isFalse();
        assertThat(StrikePolicy.removes(3, 3)).isTrue();
        assertThat(StrikePolicy.removes(1, 1)).isTrue();
    }

    @Test
    void theDetailNamesTheStrikesAndDistinctWordsWithinTheSchemaLimit() {
        assertThat(StrikePolicy.detail(3, List.of("spam", "ads", "spam")))
                .isEqualTo("Removed automatically after 3 moderation strikes (matched: spam, ads)");
        assertThat(StrikePolicy.detail(3, Collections.nCopies(1, "x".repeat(600)))).hasSize(500);
    }
}
