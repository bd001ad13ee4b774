package io.shequn.engagement.messages;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberErased;
import io.shequn.platform.auth.ErasedMembers;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * A member asked to be forgotten: the words of their messages go (text, and the sensitive words
 * matched in it). What the group still needs stays: that a message was posted, when, its length,
 * kind and moderation status, so counts, streaks and points do not change. From then on their
 * tokens are refused ({@link ErasedMembers}) and chat bridges' messages from them are kept without
 * their text ({@link MessageService#received}).
 */
@ApplicationScoped
public class MemberErasedListener implements InboxListener<MemberErased> {

    private static final Logger LOG = Logger.getLogger(MemberErasedListener.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ErasedMembers erasedMembers;

    @Override
    public EventContract<MemberErased> contract() {
        return Events.MEMBER_ERASED;
    }

    @Override
    public void on(MemberErased data, ReceivedEvent event) {
        erasedMembers.erased(data.memberId(), data.erasedAt());
        int erased = entityManager.createNativeQuery("""
                        update message set text = null, matched_words = '{}'
                        where member_id = :member and (text is not null or cardinality(matched_words) > 0)""")
                .setParameter("member", data.memberId())
                .executeUpdate();
        LOG.infof("Erased the text of %d messages of member %s", erased, data.memberId());
    }
}
