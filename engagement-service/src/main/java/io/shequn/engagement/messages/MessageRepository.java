package io.shequn.engagement.messages;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Messages by id. A group's list stays native SQL in {@link MessageService}: it joins the
 * membership projection, which is no entity.
 */
@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    /** Whether a member of the group can see (and so answer) the message. */
    public boolean isVisibleIn(UUID messageId, UUID groupId) {
        return count("id = ?1 and groupId = ?2 and status <> ?3", messageId, groupId, Message.Status.BLOCKED) > 0;
    }
}
