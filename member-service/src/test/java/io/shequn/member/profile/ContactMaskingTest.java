package io.shequn.member.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMaskingTest {

    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(ContactMasking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(ContactMasking.phone("+8613812345678")).isEqualTo("+861****5678");
    }

    @Test
    void shortNumbersKeepOnlyTheirLastTwoDigits() {
        assertThat(ContactMasking.phone("654321")).isEqualTo("****21");
    }

    @Test
    void emailsKeepTheirFirstLetterAndDomain() {
        assertThat(ContactMasking.email("alice@example.com")).isEqualTo("a***@example.com");
        assertThat(ContactMasking.email("a@example.com")).isEqualTo("a***@example.com");
    }

    @Test
    void absentDetailsStayAbsent() {
        assertThat(ContactMasking.phone(null)).isNull();
        assertThat(ContactMasking.email(null)).isNull();
    }
}
