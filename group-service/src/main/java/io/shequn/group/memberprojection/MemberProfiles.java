package io.shequn.group.memberprojection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * group-service's copy of member profiles, kept from member-registered, member-updated,
 * member-verified and member-erased. Events of different topics arrive in any order, so every
 * write is an upsert; once a member is erased, later profile events are ignored.
 */
@ApplicationScoped
public class MemberProfiles {

    @Inject
    EntityManager entityManager;

    public void replaceProfile(UUID memberId, String displayName, String region, String occupation, List<String> tags,
                               Instant at) {
        entityManager.createNativeQuery("""
                        insert into member_profile (member_id, display_name, region, occupation, tags, profile_at, updated_at)
                        values (:member, :name, :region, :occupation, cast(:tags as text[]), :at, :at)
                        on conflict (member_id) do update set display_name = excluded.display_name,
                            region = excluded.region, occupation = excluded.occupation, tags = excluded.tags,
                            profile_at = excluded.profile_at, updated_at = excluded.updated_at
                        where member_profile.erased_at is null
                          and (member_profile.profile_at is null or member_profile.profile_at <= excluded.profile_at)""")
                .setParameter("member", memberId)
                .setParameter("name", displayName)
                .setParameter("region", region)
                .setParameter("occupation", occupation)
                .setParameter("tags", toArrayLiteral(tags))
                .setParameter("at", at)
                .executeUpdate();
    }

    /**
     * Who invited the member to register (member-registered, or a later claim in member-updated):
     * the first inviter known stays, as in member-service, which accepts one claim only.
     */
    public void invitedBy(UUID memberId, UUID inviter, Instant at) {
        if (inviter == null) {
            return;
        }
        entityManager.createNativeQuery("""
                        insert into member_profile (member_id, invited_by, updated_at) values (:member, :inviter, :at)
                        on conflict (member_id) do update set invited_by = excluded.invited_by,
                            updated_at = greatest(member_profile.updated_at, excluded.updated_at)
                        where member_profile.invited_by is null""")
                .setParameter("member", memberId)
                .setParameter("inviter", inviter)
                .setParameter("at", at)
                .executeUpdate();
    }

    public java.util.Optional<UUID> invitedBy(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = entityManager.createNativeQuery("select invited_by from member_profile where member_id = :member and invited_by is not null")
                .setParameter("member", memberId)
                .getResultList();
        return rows.stream().findFirst();
    }

    public void markVerified(UUID memberId, Instant verifiedAt) {
        entityManager.createNativeQuery("""
                        insert into member_profile (member_id, verified_at, updated_at) values (:member, :at, :at)
                        on conflict (member_id) do update set verified_at = excluded.verified_at,
                            updated_at = excluded.updated_at
                        where member_profile.erased_at is null""")
                .setParameter("member", memberId)
                .setParameter("at", verifiedAt)
                .executeUpdate();
    }

    /** Drops the member's personal data here: profile fields and the intro answers they gave groups. */
    public void erase(UUID memberId, Instant erasedAt) {
        entityManager.createNativeQuery("""
                        insert into member_profile (member_id, erased_at, updated_at) values (:member, :at, :at)
                        on conflict (member_id) do update set display_name = null, region = null, occupation = null,
                            tags = '{}', verified_at = null, erased_at = excluded.erased_at, updated_at = excluded.updated_at""")
                .setParameter("member", memberId)
                .setParameter("at", erasedAt)
                .executeUpdate();
        entityManager.createNativeQuery("update membership set intro = '{}' where member_id = :member")
                .setParameter("member", memberId)
                .executeUpdate();
    }

    public java.util.Optional<Object[]> row(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select display_name, region, occupation, verified_at, erased_at
                        from member_profile where member_id = :member""")
                .setParameter("member", memberId)
                .getResultList();
        return rows.stream().findFirst();
    }

    private static String toArrayLiteral(List<String> tags) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < tags.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(tags.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
