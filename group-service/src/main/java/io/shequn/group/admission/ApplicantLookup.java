package io.shequn.group.admission;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** What group-service knows of a member. (Until the member projection exists: nothing.) */
@ApplicationScoped
public class ApplicantLookup {

    public Applicant applicant(UUID memberId) {
        return Applicant.unknown(memberId);
    }
}
