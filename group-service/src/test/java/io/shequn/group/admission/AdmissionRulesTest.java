package io.shequn.group.admission;

import io.shequn.contracts.events.JoinVia;
import io.shequn.group.groups.AdmissionMode;
import io.shequn.group.groups.AdmissionPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionRulesTest {

    private static final UUID APPLICANT = UUID.randomUUID();
    private static final UUID INVITER = UUID.randomUUID();
    private static final Applicant UNKNOWN = Applicant.unknown(APPLICANT);
    private static final Applicant VERIFIED = new Applicant(APPLICANT, true, Map.of("region", "Hangzhou"));

    private static AdmissionPolicy policy(AdmissionMode mode) {
        return new AdmissionPolicy(mode, false, List.of(),
                mode == AdmissionMode.PAID ? new AdmissionPolicy.EntryFee(9900, "CNY") : null);
    }

    @Test
    void openAdmitsAtOnceAndCountsAValidInvite() {
        assertThat(AdmissionRules.decide(policy(AdmissionMode.OPEN), UNKNOWN, Map.of(), false, null))
                .isEqualTo(new AdmissionDecision.Admit(JoinVia.OPEN, null));
        assertThat(AdmissionRules.decide(policy(AdmissionMode.OPEN), UNKNOWN, Map.of(), true, INVITER))
                .isEqualTo(new AdmissionDecision.Admit(JoinVia.INVITE, INVITER));
    }

    @Test
    void approvalApplies() {
        assertThat(AdmissionRules.decide(policy(AdmissionMode.APPROVAL), UNKNOWN, Map.of(), false, null))
                .isEqualTo(new AdmissionDecision.Apply(null));
    }

    @Test
    void inviteOnlyNeedsAValidCode() {
        assertThat(AdmissionRules.decide(policy(AdmissionMode.INVITE_ONLY), UNKNOWN, Map.of(), false, null))
                .isInstanceOfSatisfying(AdmissionDecision.Refuse.class, r -> {
                    assertThat(r.status()).isEqualTo(403);
                    assertThat(r.slug()).isEqualTo("invite-required");
                });
        assertThat(AdmissionRules.decide(policy(AdmissionMode.INVITE_ONLY), UNKNOWN, Map.of(), true, null))
                .isInstanceOfSatisfying(AdmissionDecision.Refuse.class, r -> assertThat(r.slug()).isEqualTo("invalid-invite-code"));
        assertThat(AdmissionRules.decide(policy(AdmissionMode.INVITE_ONLY), UNKNOWN, Map.of(), true, INVITER))
                .isEqualTo(new AdmissionDecision.Admit(JoinVia.INVITE, INVITER));
    }

    @Test
    void nobodyInvitesThemselves() {
        assertThat(AdmissionRules.decide(policy(AdmissionMode.INVITE_ONLY), UNKNOWN, Map.of(), true, APPLICANT))
                .isInstanceOf(AdmissionDecision.Refuse.class);
    }

    @Test
    void paidWaitsForThePayment() {
        assertThat(AdmissionRules.decide(policy(AdmissionMode.PAID), UNKNOWN, Map.of(), false, null))
                .isEqualTo(new AdmissionDecision.AwaitPayment(null));
    }

    @Test
    void requireVerifiedRefusesUnverifiedAndUnknownMembers() {
        AdmissionPolicy verifiedOnly = new AdmissionPolicy(AdmissionMode.OPEN, true, List.of(), null);
        assertThat(AdmissionRules.decide(verifiedOnly, UNKNOWN, Map.of(), false, null))
                .isInstanceOfSatisfying(AdmissionDecision.Refuse.class, r -> assertThat(r.slug()).isEqualTo("verification-required"));
        assertThat(AdmissionRules.decide(verifiedOnly, VERIFIED, Map.of(), false, null))
                .isInstanceOf(AdmissionDecision.Admit.class);
    }

    @Test
    void requiredIntroFieldsAreAnsweredOrTakenFromTheProfile() {
        AdmissionPolicy intro = new AdmissionPolicy(AdmissionMode.OPEN, false, List.of("region", "occupation"), null);
        assertThat(AdmissionRules.decide(intro, VERIFIED, Map.of(), false, null))
                .isInstanceOfSatisfying(AdmissionDecision.Refuse.class, r -> {
                    assertThat(r.status()).isEqualTo(422);
                    assertThat(r.detail()).contains("occupation").doesNotContain("region");
                });
        assertThat(AdmissionRules.decide(intro, VERIFIED, Map.of("occupation", "designer"), false, null))
                .isInstanceOf(AdmissionDecision.Admit.class);
        assertThat(AdmissionRules.decide(intro, UNKNOWN, Map.of("region", " ", "occupation", "designer"), false, null))
                .isInstanceOfSatisfying(AdmissionDecision.Refuse.class, r -> assertThat(r.detail()).contains("region"));
    }
}
