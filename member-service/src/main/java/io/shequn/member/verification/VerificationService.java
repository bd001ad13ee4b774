package io.shequn.member.verification;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.member.profile.Member;
import io.shequn.member.profile.MemberRepository;
import io.shequn.member.profile.MemberResponse;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    @Inject
    MemberRepository members;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Records the method and reference. member-verified is published when the member becomes
     * verified; recording another method later updates the record without a second event.
     */
    @Transactional
    public MemberResponse verify(UUID id, VerificationRequest request) {
        Member member = members.lock(id);
        if (member.isErased()) {
            throw ProblemException.conflict("member-erased", "Member " + id + " was erased");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean firstTime = member.verifiedAt == null;
        member.verificationMethod = request.method().name();
        member.verificationReference = request.reference().strip();
        member.updatedAt = now;
        if (firstTime) {
            member.verifiedAt = now;
            outbox.publish(Events.MEMBER_VERIFIED, new MemberVerified(member.id, now), now);
            LOG.infof("Verified member %s by %s", member.id, request.method());
        }
        return MemberResponse.of(member, true);
    }
}
