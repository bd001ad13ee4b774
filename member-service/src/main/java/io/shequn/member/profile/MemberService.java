package io.shequn.member.profile;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberRegistered;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@ApplicationScoped
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Stores the member and its {@code member-registered} event in one transaction. */
    @Transactional
    public MemberResponse register(RegisterMemberRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Member member = new Member(UUID.randomUUID(), request.displayName().strip(), blankToNull(request.region()),
                blankToNull(request.occupation()), Tags.normalise(request.tags()), now);
        entityManager.persist(member);
        outbox.publish(Events.MEMBER_REGISTERED, new MemberRegistered(member.id, member.displayName, member.region,
                member.occupation, member.tags, null, member.registeredAt), member.registeredAt);
        LOG.infof("Registered member %s", member.id);
        return MemberResponse.of(member);
    }

    @Transactional
    public MemberResponse get(UUID id) {
        Member member = entityManager.find(Member.class, id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        return MemberResponse.of(member);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
