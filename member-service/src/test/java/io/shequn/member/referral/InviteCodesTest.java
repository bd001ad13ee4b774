package io.shequn.member.referral;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InviteCodesTest {

    @Test
    void codesAreEightUnambiguousCharacters() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = InviteCodes.random();
            assertThat(code).hasSize(8).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}").doesNotContain("0", "O", "1", "I", "L");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void codesAreAcceptedInAnyCase() {
        assertThat(InviteCodes.normalise(" k7m2q9xd ")).isEqualTo("K7M2Q9XD");
        assertThat(InviteCodes.normalise(null)).isNull();
    }
}
