package io.shequn.member.verification;

/** How an operator confirmed who a member is (real-name verification, 实名认证). */
public enum VerificationMethod {
    ID_CARD,
    PHONE,
    BUSINESS_LICENSE,
    MANUAL
}
