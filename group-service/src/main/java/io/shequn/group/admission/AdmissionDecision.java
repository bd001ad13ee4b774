package io.shequn.group.admission;

import io.shequn.contracts.events.JoinVia;

import java.util.UUID;

/** What happens to a join request. */
public sealed interface AdmissionDecision {

    /** In at once. */
    record Admit(JoinVia via, UUID inviterId) implements AdmissionDecision {
    }

    /** An application the owner or an admin decides. */
    record Apply(UUID inviterId) implements AdmissionDecision {
    }

    /** A pending membership completed by the entry fee's purchase. */
    record AwaitPayment(UUID inviterId) implements AdmissionDecision {
    }

    /** Not admitted: answered with this problem. */
    record Refuse(int status, String slug, String title, String detail) implements AdmissionDecision {
    }
}
