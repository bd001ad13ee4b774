package io.shequn.analytics.campaigns;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What each campaign did to its group (docs/analytics.md, "Campaigns"): active members and
 * messages in the 24 hours before and after its moment, its participants, how many of them had
 * been silent for the 14 days before they took part (reactivated), and how many of those were
 * active again in the 7 days after. Computed when asked from member_touch (every moment of
 * activity) and message_author, so late events count wherever they belong.
 */
@ApplicationScoped
public class CampaignQueries {

    @Schema(name = "CampaignWindow", description = "One side of a campaign's moment")
    public record Window(@Schema(description = "distinct members active (posted, checked in, grabbed a red packet, attended)") long activeMembers,
                         long messages) {
    }

    @Schema(name = "CampaignLift")
    public record Lift(UUID campaignId,
                       @Schema(description = "RED_PACKET (at its sending), LOTTERY (at its draw), ACTIVITY (at its start)") CampaignRollup.Kind kind,
                       @Schema(description = "the lottery's or activity's title; absent for red packets") String title,
                       Instant at,
                       @Schema(description = "grabbers, entrants or attendees") long participants,
                       @Schema(description = "the 24 hours before the moment") Window before,
                       @Schema(description = "the 24 hours from the moment") Window after,
                       @Schema(description = "after − before") Window change,
                       @Schema(description = "participants with no activity in the group in the 14 days before they took part") long reactivated,
                       @Schema(description = "of the reactivated, those active again in the group in the 7 days after they took part") long reactivatedActiveAgain) {
    }

    private static final String CAMPAIGNS = """
            from campaign c where c.group_id = :group and not c.cancelled and c.at >= :from and c.at < :to""";

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    /** The campaigns whose moment falls on the window's days (the group's time zone), oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Lift> lift(UUID group, DayWindow window, PageRequest page) {
        ZoneId zone = calendar.zoneOf(group);
        List<Lift> items = ((List<Object[]>) entityManager.createNativeQuery("""
                        select c.campaign_id, c.kind, c.title, c.at,
                            (select count(*) from campaign_participant p where p.campaign_id = c.campaign_id),
                            (select count(distinct t.member_id) from member_touch t
                             where t.group_id = c.group_id and t.at >= c.at - interval '24 hours' and t.at < c.at),
                            (select count(*) from message_author m
                             where m.group_id = c.group_id and m.posted_at >= c.at - interval '24 hours' and m.posted_at < c.at),
                            (select count(distinct t.member_id) from member_touch t
                             where t.group_id = c.group_id and t.at >= c.at and t.at < c.at + interval '24 hours'),
                            (select count(*) from message_author m
                             where m.group_id = c.group_id and m.posted_at >= c.at and m.posted_at < c.at + interval '24 hours'),
                            r.reactivated, r.active_again
                        """ + CAMPAIGNS.replace("from campaign c", "from campaign c cross join lateral (" + REACTIVATION + ") r") + """

                        order by c.at, c.campaign_id limit :limit offset :offset""")
                .setParameter("group", group).setParameter("from", window.start(zone)).setParameter("to", window.end(zone))
                .setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream().map(CampaignQueries::lift).toList();
        long total = SqlValues.number(entityManager.createNativeQuery("select count(*) " + CAMPAIGNS)
                .setParameter("group", group).setParameter("from", window.start(zone)).setParameter("to", window.end(zone))
                .getSingleResult());
        return Page.of(items, page, total);
    }

    /** Per campaign: its silent-before participants, and how many of them came back within 7 days. */
    private static final String REACTIVATION = """
            select count(*) as reactivated,
                   count(*) filter (where exists (select 1 from member_touch t where t.member_id = q.member_id and t.group_id = q.group_id
                                                  and t.at > q.at and t.at <= q.at + interval '7 days')) as active_again
            from campaign_participant q
            where q.campaign_id = c.campaign_id
              and not exists (select 1 from member_touch t where t.member_id = q.member_id and t.group_id = q.group_id
                              and t.at >= q.at - interval '14 days' and t.at < q.at)""";

    private static Lift lift(Object[] row) {
        Window before = new Window(SqlValues.number(row[5]), SqlValues.number(row[6]));
        Window after = new Window(SqlValues.number(row[7]), SqlValues.number(row[8]));
        return new Lift((UUID) row[0], CampaignRollup.Kind.valueOf((String) row[1]), (String) row[2], SqlValues.instant(row[3]),
                SqlValues.number(row[4]), before, after,
                new Window(after.activeMembers() - before.activeMembers(), after.messages() - before.messages()),
                SqlValues.number(row[9]), SqlValues.number(row[10]));
    }
}
