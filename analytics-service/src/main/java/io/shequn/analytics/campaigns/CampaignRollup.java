package io.shequn.analytics.campaigns;

import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records campaigns and their participants for the lift queries (docs/analytics.md, "Campaigns"). */
@ApplicationScoped
public class CampaignRollup {

    public enum Kind { RED_PACKET, LOTTERY, ACTIVITY }

    /** A member took part in a campaign at a moment: grabbed, entered, attended. */
    public record Participation(UUID campaign, UUID group, UUID member, Instant at) {
    }

    @Inject
    EntityManager entityManager;

    /** A red packet sent or a lottery drawn: the moment is fixed once it happened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void happened(UUID campaign, UUID group, Kind kind, String title, Instant at) {
        entityManager.createNativeQuery("""
                        insert into campaign (campaign_id, group_id, kind, title, at) values (:id, :group, :kind, :title, :at)
                        on conflict (campaign_id) do nothing""")
                .setParameter("id", campaign).setParameter("group", group).setParameter("kind", kind.name())
                .setParameter("title", title).setParameter("at", at).executeUpdate();
    }

    /** An activity as scheduled, changed or cancelled: the highest version wins, whatever the order of arrival. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduled(UUID activity, UUID group, String title, Instant startsAt, boolean cancelled, int version) {
        entityManager.createNativeQuery("""
                        insert into campaign (campaign_id, group_id, kind, title, at, cancelled, version)
                        values (:id, :group, 'ACTIVITY', :title, :at, :cancelled, :version)
                        on conflict (campaign_id) do update set title = excluded.title, at = excluded.at, cancelled = excluded.cancelled,
                            version = excluded.version
                        where campaign.version < excluded.version""")
                .setParameter("id", activity).setParameter("group", group).setParameter("title", title).setParameter("at", startsAt)
                .setParameter("cancelled", cancelled).setParameter("version", version).executeUpdate();
    }

    /** Participations in a few statements; a member's first moment in a campaign counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void took(List<Participation> participations) {
        if (participations.isEmpty()) {
            return;
        }
        // One row per (campaign, member): PostgreSQL refuses to upsert a row twice in one statement.
        Map<List<UUID>, Participation> first = new LinkedHashMap<>();
        for (Participation p : participations) {
            first.merge(List.of(p.campaign(), p.member()), p, (a, b) -> b.at().isBefore(a.at()) ? b : a);
        }
        BulkSql.update(entityManager, """
                        insert into campaign_participant (campaign_id, group_id, member_id, at)
                        select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[])
                        on conflict (campaign_id, member_id) do update set at = least(campaign_participant.at, excluded.at)""",
                first.values().stream().map(p -> new Object[] {p.campaign(), p.group(), p.member(), p.at()}).toList());
    }
}
