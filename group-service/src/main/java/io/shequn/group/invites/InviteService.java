package io.shequn.group.invites;

import io.shequn.group.admission.InviteLookup;
import io.shequn.group.groups.GroupService;
import io.shequn.group.membership.MembershipRepository;
import io.shequn.group.roles.Action;
import io.shequn.group.roles.GroupAccess;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Personal invite codes: one per member and group, valid while that member is in the group. */
@ApplicationScoped
public class InviteService implements InviteLookup {

    @Inject
    EntityManager entityManager;

    @Inject
    GroupService groups;

    @Inject
    MembershipRepository memberships;

    @Inject
    GroupAccess access;

    @Inject
    Clock clock;

    /** The caller's code for the group, created on first request. Current members only. */
    @Transactional
    public InviteResponse myCode(UUID groupId) {
        groups.find(groupId);
        UUID member = access.callerId();
        if (memberships.findActive(groupId, member).isEmpty()) {
            throw ProblemException.forbidden("Only current members of the group have invite codes");
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<InviteResponse> existing = find(groupId, member);
            if (existing.isPresent()) {
                return existing.get();
            }
            // A code collision or a concurrent request for the same member: either way, look again.
            entityManager.createNativeQuery("""
                            insert into invite_code (code, group_id, member_id, created_at) values (:code, :group, :member, :at)
                            on conflict do nothing""")
                    .setParameter("code", InviteCodes.next()).setParameter("group", groupId)
                    .setParameter("member", member).setParameter("at", clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .executeUpdate();
        }
        return find(groupId, member).orElseThrow(() -> new IllegalStateException("No invite code after 5 attempts"));
    }

    /** Per code: members who joined through it and how many are still in. Owner, admins, operators. */
    @Transactional
    public Page<InviteStats> stats(UUID groupId, PageRequest page) {
        groups.find(groupId);
        access.require(Action.VIEW_INVITE_STATS, groupId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select i.code, i.member_id,
                               count(m.id) filter (where m.joined_at is not null) as joined,
                               count(m.id) filter (where m.status = 'ACTIVE') as still
                        from invite_code i
                        left join membership m on m.group_id = i.group_id and m.invite_code = i.code
                        where i.group_id = :group
                        group by i.code, i.member_id
                        order by joined desc, i.code""")
                .setParameter("group", groupId).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = ((Number) entityManager.createNativeQuery("select count(*) from invite_code where group_id = :group")
                .setParameter("group", groupId).getSingleResult()).longValue();
        return Page.of(rows.stream().map(r -> new InviteStats((String) r[0], (UUID) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue())).toList(), page, total);
    }

    @Override
    public Optional<UUID> inviter(UUID groupId, String code) {
        @SuppressWarnings("unchecked")
        List<UUID> owners = entityManager.createNativeQuery(
                        "select member_id from invite_code where code = :code and group_id = :group")
                .setParameter("code", InviteCodes.normalise(code)).setParameter("group", groupId).getResultList();
        return owners.stream().findFirst().filter(member -> memberships.findActive(groupId, member).isPresent());
    }

    private Optional<InviteResponse> find(UUID groupId, UUID member) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select code, created_at from invite_code where group_id = :group and member_id = :member")
                .setParameter("group", groupId).setParameter("member", member).getResultList();
        return rows.stream().findFirst().map(r -> new InviteResponse((String) r[0], groupId, member, toInstant(r[1])));
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
