package io.shequn.engagement.group;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupCreated;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code group-created}: records the group's time zone (its days are counted in it) and owner. */
@ApplicationScoped
public class GroupCreatedListener implements InboxListener<GroupCreated> {

    @Inject
    GroupSettingsService groups;

    @Override
    public EventContract<GroupCreated> contract() {
        return Events.GROUP_CREATED;
    }

    @Override
    public void on(GroupCreated data, ReceivedEvent event) {
        groups.created(data);
    }
}
