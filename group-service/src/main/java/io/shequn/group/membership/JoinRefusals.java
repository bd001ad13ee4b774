package io.shequn.group.membership;

import io.shequn.group.admission.AdmissionDecision;
import io.shequn.group.admission.AdmissionRules;
import io.shequn.group.admission.ApplicantLookup;
import io.shequn.group.groups.Group;
import io.shequn.group.groups.GroupRepository;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.CallerCheck;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/**
 * Who may not join whatever they send: a member banned from the group, and an unverified member
 * where the group admits verified members only. {@link MembershipService#join} decides again under
 * the group's lock; what depends on the body (intro answers, an invite code) is decided only there.
 */
@ApplicationScoped
public class JoinRefusals implements CallerCheck {

    @Inject
    GroupRepository groups;

    @Inject
    MembershipService memberships;

    @Inject
    ApplicantLookup applicants;

    @Override
    @Transactional
    public void check(UriInfo uri, Caller caller) {
        UUID groupId = CallerCheck.pathId(uri, "groupId").orElse(null);
        Group group = groupId == null ? null : groups.findById(groupId);
        if (group == null) {
            return;   // the join answers 404
        }
        if (memberships.isBanned(groupId, caller.memberId())) {
            throw MembershipService.banned(groupId);
        }
        AdmissionRules.unverified(group.requireVerified, applicants.applicant(caller.memberId())).ifPresent(refuse -> {
            throw refusal(refuse);
        });
    }

    static ProblemException refusal(AdmissionDecision.Refuse refuse) {
        return new ProblemException(refuse.status(), refuse.slug(), refuse.title(), refuse.detail());
    }
}
