package io.shequn.member.profile;

/**
 * How contact details look to someone who is neither the member nor an operator: enough to
 * recognise one's own number, not enough to call it.
 */
final class ContactMasking {

    private ContactMasking() {
    }

    /** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two digits. */
    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        boolean plus = phone.startsWith("+");
        String digits = plus ? phone.substring(1) : phone;
        if (digits.length() >= 11) {
            return (plus ? "+" : "") + digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /** {@code alice@example.com} → {@code a***@example.com}. */
    static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
