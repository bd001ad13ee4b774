package io.shequn.analytics.activity;

import io.shequn.analytics.health.GroupHealthService;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupCreated;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Remembers each group's time zone, which decides the day an event belongs to, its creation (its
 * age, from which its health is assessed) and its name for the dashboard. The group is assessed
 * right away: it is NEW from its creation, whatever was consumed before.
 */
@ApplicationScoped
public class GroupCreatedListener implements InboxListener<GroupCreated> {

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    @Inject
    GroupHealthService health;

    @Override
    public EventContract<GroupCreated> contract() {
        return Events.GROUP_CREATED;
    }

    @Override
    public void on(GroupCreated data, ReceivedEvent event) {
        String zone = data.timeZone() == null ? GroupCalendar.DEFAULT_ZONE.getId() : data.timeZone().getId();
        entityManager.createNativeQuery("""
                        insert into analytics_group (group_id, time_zone, created_at, name) values (:group, :zone, :created, :name)
                        on conflict (group_id) do update set time_zone = excluded.time_zone, name = excluded.name""")
                .setParameter("group", data.groupId()).setParameter("zone", zone).setParameter("created", data.createdAt())
                .setParameter("name", data.name())
                .executeUpdate();
        health.assess(data.groupId(), calendar.dayOf(data.groupId(), data.createdAt()), data.createdAt());
    }
}
